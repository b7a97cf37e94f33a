package org.caseway.gateway.dispatch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dispatch: from the journal, through the policy engine, to the record of disclosures and delivery.
 *
 * @param enabled whether this instance consumes the journal. Default {@code true}. Every instance
 *     of one partnership shares the work through the consumer group.
 * @param groupId the Kafka consumer group. Default {@code caseway-dispatch}. Every instance must use
 *     the same one, or messages are dispatched once per group.
 * @param maxPollRecords records taken per poll. Default {@code 20}. Offsets are committed per
 *     message once its decisions are recorded and its deliveries handed over.
 * @param consumers journal consumers in this instance, each on its own thread, owning some of the
 *     journal's partitions and taking their records one at a time, in order (as another instance
 *     would). Default {@code 2}, at least {@code 1}. More than the journal's partitions ({@code
 *     caseway.journal.partitions}, 6) across all instances leaves the extra consumers idle.
 */
@ConfigurationProperties("caseway.dispatch")
public record DispatchProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("caseway-dispatch") String groupId,
    @DefaultValue("20") int maxPollRecords,
    @DefaultValue("2") int consumers) {

  public DispatchProperties {
    if (consumers < 1) {
      throw new IllegalArgumentException("caseway.dispatch.consumers is " + consumers
          + ": set it to 1 or more (1 dispatches one message at a time)");
    }
  }
}
