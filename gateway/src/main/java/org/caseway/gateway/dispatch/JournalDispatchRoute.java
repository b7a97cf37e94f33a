package org.caseway.gateway.dispatch;

import org.apache.camel.builder.RouteBuilder;
import org.caseway.gateway.routing.GatewayRouteConfiguration;

/**
 * The dispatch flow: journal topic → dispatch (identity, policy, record, deliver) → commit offsets.
 *
 * <p>{@code caseway.dispatch.consumers} consumers per instance, each owning some partitions and
 * taking their records a batch at a time (what one or more polls brought, up to {@code
 * caseway.dispatch.max-poll-records}) in partition order, so one person's messages (one record
 * key) are dispatched in the order accepted, while messages on other partitions are dispatched at
 * the same time. A failure stops the consumer, which takes everything uncommitted again from the
 * committed offsets; nothing behind the failed record on its partition overtakes it.
 */
public class JournalDispatchRoute extends RouteBuilder {

  public static final String ROUTE_ID = "dispatch-journal";

  private final String journalEndpoint;
  private final MessageDispatcher dispatcher;
  private final OffsetCommitter committer;

  public JournalDispatchRoute(String journalEndpoint, MessageDispatcher dispatcher, OffsetCommitter committer) {
    this.journalEndpoint = journalEndpoint;
    this.dispatcher = dispatcher;
    this.committer = committer;
  }

  @Override
  public void configure() {
    from(journalEndpoint)
        .routeId(ROUTE_ID)
        .routeConfigurationId(GatewayRouteConfiguration.ID)
        .bean(dispatcher, "dispatchPolled")
        .id("dispatch")
        .bean(committer, "commitPolled")
        .id("dispatch-commit-offset");
  }
}
