package org.caseway.gateway.dispatch;

/** The Camel Kafka endpoint for a route that commits offsets itself, after its work is done. */
public final class KafkaConsumerUris {

  private KafkaConsumerUris() {}

  /**
   * Manual commit only ({@link OffsetCommitter}); on a failure the consumer stops at the failed
   * record and takes it again (breakOnFirstError), so no later record overtakes it.
   */
  public static String manualCommit(String topic, String brokers, String groupId, int maxPollRecords) {
    return "kafka:" + topic
        + "?brokers=" + brokers
        + "&groupId=" + groupId
        + "&autoOffsetReset=earliest"
        + "&autoCommitEnable=false"
        + "&allowManualCommit=true"
        + "&breakOnFirstError=true"
        + "&maxPollRecords=" + maxPollRecords;
  }
}
