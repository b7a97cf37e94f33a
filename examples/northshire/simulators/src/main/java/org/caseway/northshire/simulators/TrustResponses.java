package org.caseway.northshire.simulators;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.Date;
import java.util.UUID;
import org.caseway.conformance.ImplementationGuide;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.MessageHeader.ResponseType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * What the trust's FHIR server answers, as FHIR JSON: a response message for a message it took, an
 * OperationOutcome for one it refused. The response message is shaped as the guide's
 * acknowledgements are (caseway-message-bundle, caseway-message-header focusing on a
 * caseway-outcome), from the trust back to the message's sender, with {@code response.code} {@code
 * ok} and {@code response.identifier} the answered MessageHeader's id, as FHIR R4 and the guide's
 * header profile define it. Thread-safe.
 */
final class TrustResponses {

  static final String TRUST_ENDPOINT = "urn:caseway:partner:northshire-mh-trust";
  private static final String PROFILE_BASE = ImplementationGuide.CANONICAL_BASE + "/StructureDefinition/";

  private final FhirContext fhir;
  private final Clock clock;

  TrustResponses(FhirContext fhir, Clock clock) {
    this.fhir = fhir;
    this.clock = clock;
  }

  /** The response message to {@code request}, a message that has passed validation. */
  String responseTo(Bundle request, boolean repeat) {
    MessageHeader answered = (MessageHeader) request.getEntryFirstRep().getResource();
    OperationOutcome outcome = outcome(repeat);
    Bundle response = new Bundle();
    response.setId(newId());
    response.getMeta().addProfile(PROFILE_BASE + "caseway-message-bundle");
    response.setType(Bundle.BundleType.MESSAGE);
    response.setTimestamp(Date.from(clock.instant()));
    addEntry(response, header(answered, outcome));
    addEntry(response, outcome);
    return encode(response);
  }

  /** An OperationOutcome with one error issue. */
  String error(IssueType type, String diagnostics) {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(diagnostics);
    return encode(outcome);
  }

  String encode(Resource resource) {
    // A parser is not thread-safe; the context is.
    return fhir.newJsonParser().encodeResourceToString(resource);
  }

  private static MessageHeader header(MessageHeader answered, OperationOutcome outcome) {
    MessageHeader header = new MessageHeader();
    header.setId(newId());
    header.getMeta().addProfile(PROFILE_BASE + "caseway-message-header");
    header.setEvent(answered.getEventCoding().copy());
    header.addDestination().setEndpoint(answered.getSource().getEndpoint());
    header.getSource().setName("Northshire Mental Health NHS Trust").setEndpoint(TRUST_ENDPOINT);
    header.getResponse()
        .setIdentifier(answered.getIdElement().getIdPart())
        .setCode(ResponseType.OK)
        .setDetails(referenceTo(outcome));
    header.addFocus(referenceTo(outcome));
    return header;
  }

  private static OperationOutcome outcome(boolean repeat) {
    OperationOutcome outcome = new OperationOutcome();
    outcome.setId(newId());
    outcome.getMeta().addProfile(PROFILE_BASE + "caseway-outcome");
    outcome.addIssue()
        .setSeverity(IssueSeverity.INFORMATION)
        .setCode(IssueType.INFORMATIONAL)
        .setDiagnostics(repeat ? "Received earlier; this copy was not processed again." : "Received.");
    return outcome;
  }

  private static void addEntry(Bundle bundle, Resource resource) {
    bundle.addEntry().setFullUrl(fullUrl(resource)).setResource(resource);
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
