package org.caseway.gateway.policy;

import java.time.Instant;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Decides what one recipient may see of one accepted message, under the agreements in force.
 *
 * <p>Deny by default: what no rule allows is withheld. The same method serves delivery and {@code
 * $explain}, so an explanation is always the decision that delivery would make.
 *
 * <p>Implementations are thread-safe and never modify {@code message}; every {@link
 * Disclosure#view()} is a new bundle that conforms to the guide, whose {@code Bundle.id} and {@code
 * MessageHeader.id} are the same every time for the same message, recipient and agreement version
 * (recipients deduplicate redeliveries on them).
 */
public interface PolicyEngine {

  /**
   * @param message an accepted canonical message bundle (it passed the guide's validation)
   * @param recipientId the partner id of the would-be recipient
   * @param at the instant the decision is made for (agreement validity, partner status)
   * @return the decision: zero or more disclosures (one per agreement), the withholdings, and the
   *     reasons for each; never null
   * @throws PolicyException if the message cannot be evaluated (a poison message); the exception
   *     says why
   */
  PolicyDecision decide(Bundle message, String recipientId, Instant at);

  /**
   * The decisions about one message, recipient by recipient, with what does not depend on the
   * recipient (reading the message, the identity index's look-ups of its people) done once: what
   * dispatch asks for every partner. Each decision is the one {@link #decide} makes.
   *
   * @param message as for {@link #decide}
   * @param at as for {@link #decide}
   * @throws PolicyException if the message cannot be evaluated (now or on the first decision)
   */
  default MessageDecisions about(Bundle message, Instant at) {
    return recipientId -> decide(message, recipientId, at);
  }

  /** The decisions about one message; thread-safe. */
  @FunctionalInterface
  interface MessageDecisions {
    /** What {@code recipientId} may see of the message; as {@link PolicyEngine#decide}. */
    PolicyDecision decide(String recipientId);
  }
}
