package org.caseway.gateway.policy;

import java.util.List;
import java.util.Objects;

/**
 * What one recipient may see of one message, and why.
 *
 * @param messageId the message's id ({@code Bundle.id})
 * @param event the message's event code
 * @param sourceId the partner that sent the message
 * @param recipientId the partner the decision is for
 * @param disclosures what is shared: one per agreement that allows anything; empty if nothing is
 * @param withholdings what is not shared, and why (whole messages and parts of them)
 * @param reasons every rule considered, in the order evaluated, with its outcome
 */
public record PolicyDecision(
    String messageId,
    String event,
    String sourceId,
    String recipientId,
    List<Disclosure> disclosures,
    List<Withholding> withholdings,
    List<Reason> reasons) {

  public PolicyDecision {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(recipientId, "recipientId");
    disclosures = List.copyOf(disclosures);
    withholdings = List.copyOf(withholdings);
    reasons = List.copyOf(reasons);
  }

  /** Whether the recipient receives anything at all. */
  public boolean disclosesAnything() {
    return !disclosures.isEmpty();
  }
}
