package org.caseway.gateway.accept;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.GatewayException;
import org.caseway.gateway.routing.RouteFailureLogger;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The accept path as a plain call, for channels (the FHIR endpoint today; Kafka and file drops
 * later): sends the text through {@link AcceptMessageRoute} and returns the response message.
 *
 * <p>Thread-safe. Synchronous: returns once the message is on the journal and recorded.
 */
public class MessageAcceptance {

  private final ProducerTemplate camel;

  public MessageAcceptance(ProducerTemplate camel) {
    this.camel = camel;
  }

  /**
   * @param authenticatedPartner the partner id proven by the caller's credentials
   * @param json the message as received
   * @return the response message acknowledging it
   * @throws GatewayException with the refusal's code; any other failure as {@link
   *     ErrorCode#INTERNAL_ERROR}
   */
  public Bundle accept(String authenticatedPartner, String json) {
    try {
      return camel.requestBodyAndHeader(
          AcceptMessageRoute.ENDPOINT,
          json,
          RouteFailureLogger.PARTNER_HEADER,
          authenticatedPartner,
          Bundle.class);
    } catch (CamelExecutionException e) {
      if (e.getCause() instanceof GatewayException refusal) {
        throw refusal;
      }
      throw new GatewayException(
          ErrorCode.INTERNAL_ERROR,
          "The gateway failed to process the message; it was not accepted. Send it again later.",
          e.getCause());
    }
  }
}
