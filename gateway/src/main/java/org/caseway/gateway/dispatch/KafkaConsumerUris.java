package org.caseway.gateway.dispatch;

/** The Camel Kafka endpoint for a route that commits offsets itself, after its work is done. */
public final class KafkaConsumerUris {

  private KafkaConsumerUris() {}

  /**
   * Batches of up to {@code maxPollRecords} (Camel's batching mode: the route's body is the list
   * of records), dispatched once no more came within {@code batchWaitMs}; manual commit only
   * ({@link OffsetCommitter}); on a failure the consumer stops and reconnects, taking everything
   * uncommitted again from the committed offsets (breakOnFirstError), so no later record overtakes
   * the failed one.
   *
   * <p>{@code consumers} Kafka consumers of one group, each on its own thread with the partitions
   * the group gives it (Camel's consumersCount): a record is processed, and its offset committed
   * through its {@code KafkaManualCommit}, on the thread of the consumer that polled it, so each
   * partition keeps its order and each consumer commits and seeks back only its own partitions.
   */
  public static String manualCommit(String topic, String brokers, String groupId, int maxPollRecords,
      int consumers, long batchWaitMs) {
    return "kafka:" + topic
        + "?brokers=" + brokers
        + "&groupId=" + groupId
        + "&autoOffsetReset=earliest"
        + "&autoCommitEnable=false"
        + "&allowManualCommit=true"
        + "&breakOnFirstError=true"
        + "&maxPollRecords=" + maxPollRecords
        + "&batching=true"
        + "&pollTimeoutMs=" + batchWaitMs
        + "&batchingIntervalMs=" + batchWaitMs
        + "&consumersCount=" + consumers;
  }
}
