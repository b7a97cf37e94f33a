package org.caseway.gateway.accept;

import org.apache.camel.Exchange;
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
    return submit(authenticatedPartner, json).response();
  }

  /**
   * As {@link #accept}, also saying whether the message was new.
   *
   * @throws GatewayException as {@link #accept} does
   */
  public Outcome submit(String authenticatedPartner, String json) {
    Exchange answer = camel.request(AcceptMessageRoute.ENDPOINT, exchange -> {
      exchange.getIn().setBody(json);
      exchange.getIn().setHeader(RouteFailureLogger.PARTNER_HEADER, authenticatedPartner);
    });
    if (answer.getException() != null) {
      throw translate(answer.getException());
    }
    Bundle response = answer.getMessage().getBody(Bundle.class);
    boolean repeat = answer.getMessage().getHeader(AcceptMessageRoute.REPEAT_HEADER, false, Boolean.class);
    return new Outcome(response, repeat);
  }

  private static GatewayException translate(Exception failure) {
    if (failure instanceof GatewayException refusal) {
      return refusal;
    }
    return new GatewayException(
        ErrorCode.INTERNAL_ERROR,
        "The gateway failed to process the message; it was not accepted. Send it again later.",
        failure);
  }

  /**
   * @param response the response message acknowledging it
   * @param repeat true when its id had been accepted before and nothing new was written
   */
  public record Outcome(Bundle response, boolean repeat) {}
}
