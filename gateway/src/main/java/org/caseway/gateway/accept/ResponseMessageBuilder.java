package org.caseway.gateway.accept;

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
 * Step 5 of the accept route: the FHIR response message that acknowledges an accepted message,
 * shaped as the guide's acknowledgements are (caseway-message-bundle and caseway-message-header,
 * focusing on a caseway-outcome OperationOutcome).
 *
 * <p>Same event as the request, from the gateway ({@value #GATEWAY_ENDPOINT}) to the sending
 * partner, {@code response.code} = {@code ok} and {@code response.identifier} = the id of the
 * answered message's MessageHeader, as FHIR R4 defines it (the gateway deduplicates on Bundle.id,
 * which the partner also knows). A repeated message gets the same
 * answer, with a new id and timestamp: for the partner, both mean "Caseway has it".
 */
public class ResponseMessageBuilder {

  /** The gateway's own endpoint, in the form the header profile requires of every endpoint. */
  public static final String GATEWAY_ENDPOINT = "urn:caseway:partner:caseway";

  private static final String PARTNER_ENDPOINT_PREFIX = "urn:caseway:partner:";
  private static final String PROFILE_BASE = ImplementationGuide.CANONICAL_BASE + "/StructureDefinition/";

  private final Clock clock;

  public ResponseMessageBuilder(Clock clock) {
    this.clock = clock;
  }

  public Bundle build(Acceptance acceptance) {
    IncomingMessage request = acceptance.message();
    OperationOutcome outcome = outcome(acceptance);
    MessageHeader header = header(request, outcome);

    Bundle response = new Bundle();
    response.setId(newId());
    response.getMeta().addProfile(PROFILE_BASE + "caseway-message-bundle");
    response.setType(Bundle.BundleType.MESSAGE);
    response.setTimestamp(Date.from(clock.instant()));
    addEntry(response, header);
    addEntry(response, outcome);
    return response;
  }

  private static MessageHeader header(IncomingMessage request, OperationOutcome outcome) {
    MessageHeader header = new MessageHeader();
    header.setId(newId());
    header.getMeta().addProfile(PROFILE_BASE + "caseway-message-header");
    header.setEvent(requestHeader(request).getEventCoding().copy());
    header.addDestination().setEndpoint(PARTNER_ENDPOINT_PREFIX + request.envelope().sourcePartnerId());
    header.getSource().setName("Caseway gateway").setEndpoint(GATEWAY_ENDPOINT);
    header
        .getResponse()
        .setIdentifier(requestHeader(request).getIdElement().getIdPart())
        .setCode(ResponseType.OK)
        .setDetails(referenceTo(outcome));
    header.addFocus(referenceTo(outcome));
    return header;
  }

  private static OperationOutcome outcome(Acceptance acceptance) {
    OperationOutcome outcome = new OperationOutcome();
    outcome.setId(newId());
    outcome.getMeta().addProfile(PROFILE_BASE + "caseway-outcome");
    outcome
        .addIssue()
        .setSeverity(IssueSeverity.INFORMATION)
        .setCode(IssueType.INFORMATIONAL)
        .setDiagnostics(
            acceptance.repeat()
                ? "Accepted earlier; this copy was not taken again."
                : "Accepted.");
    return outcome;
  }

  private static MessageHeader requestHeader(IncomingMessage request) {
    // The envelope was read from this bundle, which guarantees a MessageHeader first.
    return (MessageHeader) request.bundle().getEntryFirstRep().getResource();
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
