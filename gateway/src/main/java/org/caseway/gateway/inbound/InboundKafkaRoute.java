package org.caseway.gateway.inbound;

import org.apache.camel.builder.RouteBuilder;
import org.caseway.gateway.dispatch.OffsetCommitter;
import org.caseway.gateway.routing.GatewayRouteConfiguration;

/**
 * Partners' messages on Kafka: inbound topic → accept and acknowledge → commit offset. A record is
 * committed only once its acknowledgement is on the broker.
 */
public class InboundKafkaRoute extends RouteBuilder {

  public static final String ROUTE_ID = "inbound-kafka";

  private final String inboundEndpoint;
  private final InboundMessageHandler handler;
  private final OffsetCommitter committer;

  public InboundKafkaRoute(String inboundEndpoint, InboundMessageHandler handler, OffsetCommitter committer) {
    this.inboundEndpoint = inboundEndpoint;
    this.handler = handler;
    this.committer = committer;
  }

  @Override
  public void configure() {
    from(inboundEndpoint)
        .routeId(ROUTE_ID)
        .routeConfigurationId(GatewayRouteConfiguration.ID)
        .bean(handler, "handle")
        .id("accept-and-acknowledge")
        .bean(committer, "commit")
        .id("inbound-commit-offset");
  }
}
