package org.caseway.gateway.accept;

import java.time.Clock;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.MessageHeader.ResponseType;

/**
 * Step 5 of the accept route: the FHIR response message that acknowledges an accepted message.
 *
 * <p>A Bundle of type message whose MessageHeader answers the request: same event, from the
 * gateway to the sending partner, {@code response.identifier} = the accepted message's id and
 * {@code response.code} = {@code ok}. A repeated message gets the same answer (with a new id and
 * timestamp): for the partner, both mean "Caseway has it".
 */
public class ResponseMessageBuilder {

  /** The gateway's own endpoint, as partners' endpoints are {@code urn:caseway:partner:{id}}. */
  public static final String GATEWAY_ENDPOINT = "urn:caseway:gateway";

  private static final String PARTNER_ENDPOINT_PREFIX = "urn:caseway:partner:";

  private final Clock clock;

  public ResponseMessageBuilder(Clock clock) {
    this.clock = clock;
  }

  public Bundle build(Acceptance acceptance) {
    IncomingMessage request = acceptance.message();
    MessageHeader header = new MessageHeader();
    header.setId(UUID.randomUUID().toString());
    header.setEvent(requestHeader(request).getEventCoding().copy());
    header.getSource().setName("Caseway gateway").setEndpoint(GATEWAY_ENDPOINT);
    header.addDestination().setEndpoint(PARTNER_ENDPOINT_PREFIX + request.envelope().sourcePartnerId());
    header.getResponse().setIdentifier(request.envelope().messageId()).setCode(ResponseType.OK);

    Bundle response = new Bundle();
    response.setId(UUID.randomUUID().toString());
    response.setType(Bundle.BundleType.MESSAGE);
    response.setTimestamp(Date.from(clock.instant()));
    response.addEntry().setFullUrl("urn:uuid:" + header.getId()).setResource(header);
    return response;
  }

  private static MessageHeader requestHeader(IncomingMessage request) {
    // The envelope was read from this bundle, which guarantees a MessageHeader first.
    return (MessageHeader) request.bundle().getEntryFirstRep().getResource();
  }
}
