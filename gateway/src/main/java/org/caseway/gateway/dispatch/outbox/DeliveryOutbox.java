package org.caseway.gateway.dispatch.outbox;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.caseway.gateway.policy.Disclosure;
import org.caseway.gateway.policy.PolicyDecision;

/**
 * Puts a message's disclosures in the outbox, in the caller's transaction (dispatch records them in
 * the record of disclosures in the same one): once it commits, every disclosure will be delivered or
 * become a visible dead letter. A message dispatched again adds nothing (the ids are stable).
 */
public class DeliveryOutbox {

  private final OutboxStore store;
  private final FhirContext fhir;

  DeliveryOutbox(OutboxStore store, FhirContext fhir) {
    this.store = store;
    this.fhir = fhir;
  }

  /** @return the recipients something was added for */
  public Set<String> enqueue(String messageId, List<PolicyDecision> decisions, String subjectKey, String event,
      Instant at) {
    Set<String> recipients = new LinkedHashSet<>();
    for (PolicyDecision decision : decisions) {
      for (Disclosure disclosure : decision.disclosures()) {
        boolean added = store.insertIfNew(disclosure.view().getIdElement().getIdPart(), messageId,
            decision.recipientId(), subjectKey, event, disclosure.agreementId(), disclosure.agreementVersion(),
            disclosure.purpose(), fhir.newJsonParser().encodeResourceToString(disclosure.view()), at);
        if (added) {
          recipients.add(decision.recipientId());
        }
      }
    }
    return recipients;
  }
}
