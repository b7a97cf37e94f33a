package org.caseway.gateway.channels;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.Date;
import java.util.UUID;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.accept.ResponseMessageBuilder;
import org.caseway.gateway.error.ErrorTranslator;
import org.caseway.gateway.error.GatewayException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.MessageHeader.ResponseType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The negative acknowledgement for a message taken from Kafka and refused: a response message like
 * the accept path's, with {@code response.code} {@code transient-error} (send again later) or
 * {@code fatal-error} (fix the message), and the refusal's OperationOutcome as details.
 */
public class FailureResponseBuilder {

  private static final String PROFILE_BASE = ImplementationGuide.CANONICAL_BASE + "/StructureDefinition/";

  private final FhirContext fhir;
  private final Clock clock;

  public FailureResponseBuilder(FhirContext fhir, Clock clock) {
    this.fhir = fhir;
    this.clock = clock;
  }

  public Bundle build(String requestJson, String partnerId, GatewayException refusal) {
    OperationOutcome outcome = ErrorTranslator.translate(refusal).outcome();
    outcome.setId(newId());
    outcome.getMeta().addProfile(PROFILE_BASE + "caseway-outcome");
    MessageHeader request = requestHeader(requestJson);

    MessageHeader header = new MessageHeader();
    header.setId(newId());
    header.getMeta().addProfile(PROFILE_BASE + "caseway-message-header");
    if (request != null) {
      header.setEvent(request.getEventCoding().copy());
    } else {
      header.setEvent(new Coding().setCode("unknown"));
    }
    header.addDestination().setEndpoint("urn:caseway:partner:" + partnerId);
    header.getSource().setName("Caseway gateway").setEndpoint(ResponseMessageBuilder.GATEWAY_ENDPOINT);
    header.getResponse()
        .setIdentifier(request != null ? request.getIdElement().getIdPart() : "unknown")
        .setCode(refusal.code().isTransient() ? ResponseType.TRANSIENTERROR : ResponseType.FATALERROR)
        .setDetails(referenceTo(outcome));
    header.addFocus(referenceTo(outcome));

    Bundle response = new Bundle();
    response.setId(newId());
    response.getMeta().addProfile(PROFILE_BASE + "caseway-message-bundle");
    response.setType(Bundle.BundleType.MESSAGE);
    response.setTimestamp(Date.from(clock.instant()));
    response.addEntry().setFullUrl(fullUrl(header)).setResource(header);
    response.addEntry().setFullUrl(fullUrl(outcome)).setResource(outcome);
    return response;
  }

  /** The refused message's header if it can be read at all; null otherwise. */
  private MessageHeader requestHeader(String json) {
    try {
      Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, json);
      Resource first = bundle.getEntryFirstRep().getResource();
      return first instanceof MessageHeader header ? header : null;
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  private static Reference referenceTo(Resource resource) {
    return new Reference(fullUrl(resource));
  }

  private static String fullUrl(Resource resource) {
    return "urn:uuid:" + resource.getIdElement().getIdPart();
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }
}
