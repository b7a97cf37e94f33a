package org.caseway.gateway.routing;

import org.apache.camel.Exchange;
import org.caseway.gateway.error.GatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs why a route gave up on an exchange, the same way for every route.
 *
 * <p>A refusal ({@link GatewayException}) is the partner's to fix: logged at INFO with its code
 * only, because its message may quote the partner's data. Anything else is a fault of the gateway:
 * logged at ERROR with the stack trace, never with the body.
 */
public class RouteFailureLogger {

  /** Set by callers so that failures can be told apart by partner. */
  public static final String PARTNER_HEADER = "CasewayAuthenticatedPartner";

  /** Set by routes once they know the message id; absent while the message is still unread. */
  public static final String MESSAGE_ID_HEADER = "CasewayMessageId";

  private static final Logger log = LoggerFactory.getLogger(RouteFailureLogger.class);

  public void logRefusal(Exchange exchange) {
    GatewayException refusal = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, GatewayException.class);
    log.info(
        "Route {} refused message {} from {}: {}",
        exchange.getProperty(Exchange.FAILURE_ROUTE_ID),
        messageId(exchange),
        exchange.getMessage().getHeader(PARTNER_HEADER),
        refusal == null ? "unknown" : refusal.code());
  }

  public void logFault(Exchange exchange) {
    Exception fault = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    log.error(
        "Route {} failed on message {} from {}",
        exchange.getProperty(Exchange.FAILURE_ROUTE_ID),
        messageId(exchange),
        exchange.getMessage().getHeader(PARTNER_HEADER),
        fault);
  }

  private static Object messageId(Exchange exchange) {
    return exchange.getMessage().getHeader(MESSAGE_ID_HEADER, "(unread)", String.class);
  }
}
