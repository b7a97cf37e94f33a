package org.caseway.gateway.accept;

import org.apache.camel.builder.RouteBuilder;
import org.caseway.gateway.routing.GatewayRouteConfiguration;
import org.caseway.gateway.routing.RouteFailureLogger;

/**
 * The accept flow: read → check the sender → validate → accept (journal + record) → respond.
 *
 * <p>In: the partner's text as body, the token's partner id in {@link
 * RouteFailureLogger#PARTNER_HEADER}. Out: the FHIR response message (a Bundle). Each step either
 * passes the message on or throws a {@code GatewayException}; nothing is written before step 4.
 */
public class AcceptMessageRoute extends RouteBuilder {

  public static final String ENDPOINT = "direct:accept-message";
  public static final String ROUTE_ID = "accept-message";
  /** Set on the answer: true when the id had been accepted before and nothing new was written. */
  public static final String REPEAT_HEADER = "CasewayRepeat";

  private final BundleReader reader;
  private final SenderCheck senderCheck;
  private final GuideValidation validation;
  private final MessageAcceptor acceptor;
  private final ResponseMessageBuilder responses;

  public AcceptMessageRoute(
      BundleReader reader,
      SenderCheck senderCheck,
      GuideValidation validation,
      MessageAcceptor acceptor,
      ResponseMessageBuilder responses) {
    this.reader = reader;
    this.senderCheck = senderCheck;
    this.validation = validation;
    this.acceptor = acceptor;
    this.responses = responses;
  }

  @Override
  public void configure() {
    from(ENDPOINT)
        .routeId(ROUTE_ID)
        .routeConfigurationId(GatewayRouteConfiguration.ID)
        .bean(reader, "read")
        .id("read-bundle")
        // From here on, failures are logged with the message id (see RouteFailureLogger).
        .setHeader(RouteFailureLogger.MESSAGE_ID_HEADER, simple("${body.envelope.messageId}"))
        .bean(senderCheck, "check(${body}, ${header." + RouteFailureLogger.PARTNER_HEADER + "})")
        .id("check-sender")
        .bean(validation, "validate")
        .id("validate")
        .bean(acceptor, "accept")
        .id("accept")
        .setHeader(REPEAT_HEADER, simple("${body.repeat}"))
        .bean(responses, "build")
        .id("respond");
  }
}
