package org.caseway.gateway.accept;

import java.util.Objects;
import org.caseway.conformance.MessageEnvelope;
import org.hl7.fhir.r4.model.Bundle;

/**
 * A message on its way through the accept route.
 *
 * @param json the text exactly as the partner sent it: what is validated is what is journaled
 * @param bundle the parsed bundle
 * @param envelope its routing facts (id, source, event, subject key)
 */
public record IncomingMessage(String json, Bundle bundle, MessageEnvelope envelope) {

  public IncomingMessage {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(envelope, "envelope");
  }
}
