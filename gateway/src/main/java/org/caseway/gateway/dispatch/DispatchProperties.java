package org.caseway.gateway.dispatch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dispatch: from the journal, through the policy engine, to the record of disclosures and delivery.
 *
 * @param enabled whether this instance consumes the journal. Default {@code true}. Every instance
 *     of one partnership shares the work through the consumer group.
 * @param groupId the Kafka consumer group. Default {@code caseway-dispatch}. Every instance must use
 *     the same one, or messages are dispatched once per group.
 * @param maxPollRecords records taken per poll, and the most dispatched together: a batch's
 *     decisions are recorded and its deliveries queued in one transaction, then its offsets are
 *     committed. Default {@code 20}.
 * @param batchWait how long a consumer waits for more records before dispatching the batch it
 *     has (records that arrive meanwhile join it). Bounds what batching adds to a quiet journal's
 *     latency. Default {@code 20ms}.
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
    @DefaultValue("2") int consumers,
    @DefaultValue("20ms") Duration batchWait) {

  public DispatchProperties {
    if (consumers < 1) {
      throw new IllegalArgumentException("caseway.dispatch.consumers is " + consumers
          + ": set it to 1 or more (1 dispatches one message at a time)");
    }
    if (maxPollRecords < 1) {
      throw new IllegalArgumentException("caseway.dispatch.max-poll-records is " + maxPollRecords
          + ": set it to 1 or more (1 dispatches and commits one message at a time)");
    }
    if (batchWait == null || batchWait.isNegative() || batchWait.isZero()) {
      throw new IllegalArgumentException("caseway.dispatch.batch-wait is " + batchWait
          + ": set it to a positive duration, such as 20ms");
    }
  }
}
