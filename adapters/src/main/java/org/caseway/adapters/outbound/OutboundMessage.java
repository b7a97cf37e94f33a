package org.caseway.adapters.outbound;

import java.util.Map;
import java.util.Objects;

/**
 * One disclosure handed to a recipient's outbound channel: what the policy engine let the recipient
 * see, as a canonical message, with what the channel needs to send it.
 *
 * <p>Only the gateway's dispatch makes these, from a disclosure the policy engine produced (an
 * architecture test holds it): an outbound channel never decides what may be shared.
 *
 * @param disclosureId the disclosure's stable id (its Bundle.id): repeated on every retry, so that
 *     the recipient can take a repeat once; mappings make the partner's own ids from it
 * @param recipientId the recipient partner
 * @param event the message's event code
 * @param purpose the purpose the disclosure was made for
 * @param agreement the agreement and version it was made under, {@code ISA-IOM|1}
 * @param subjectKey the canonical subject id: the Kafka record key, so one person's messages stay in order
 * @param canonicalJson the recipient's view, as canonical FHIR JSON
 * @param parameters facts the outbound mapping needs that the view cannot carry (for housing,
 *     {@code risk-to-staff}: the tenancies for which this is the first violent or weapons marker)
 */
public record OutboundMessage(
    String disclosureId,
    String recipientId,
    String event,
    String purpose,
    String agreement,
    String subjectKey,
    String canonicalJson,
    Map<String, String> parameters) {

  public OutboundMessage {
    Objects.requireNonNull(disclosureId, "disclosureId");
    Objects.requireNonNull(recipientId, "recipientId");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(agreement, "agreement");
    Objects.requireNonNull(subjectKey, "subjectKey");
    Objects.requireNonNull(canonicalJson, "canonicalJson");
    parameters = Map.copyOf(parameters);
  }
}
