package org.caseway.gateway.routing;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.caseway.gateway.error.GatewayException;

/**
 * Error handling shared by every gateway route (routes opt in with {@code
 * routeConfigurationId(ID)}).
 *
 * <p>No redelivery here: a route's caller decides about retries (an HTTP partner retries on 503;
 * the journal producer retries inside Kafka's client). Failures are logged once, by {@link
 * RouteFailureLogger}, and stay on the exchange ({@code handled(false)}) so the caller translates
 * them at its edge.
 */
public class GatewayRouteConfiguration extends RouteConfigurationBuilder {

  public static final String ID = "gateway-errors";

  private final RouteFailureLogger failureLogger;

  public GatewayRouteConfiguration(RouteFailureLogger failureLogger) {
    this.failureLogger = failureLogger;
  }

  @Override
  public void configuration() {
    routeConfiguration(ID)
        // Camel's own "exhausted" log would print the exchange; RouteFailureLogger says enough.
        .errorHandler(defaultErrorHandler().maximumRedeliveries(0).logExhausted(false))
        .onException(GatewayException.class)
        .handled(false)
        .bean(failureLogger, "logRefusal")
        .end()
        .onException(Exception.class)
        .handled(false)
        .bean(failureLogger, "logFault")
        .end();
  }
}
