package org.caseway.gateway.dispatch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * Commits the Kafka offsets of the records a batch came from: the last step of a consuming route,
 * so a record is committed only once everything before it succeeded. A crash before this step
 * means the batch is taken again (at least once).
 */
public class OffsetCommitter {

  /**
   * Commits, for each partition the batch holds records of, the offset after its last one (the
   * batch is in poll order, so a partition's last record is its highest offset).
   */
  public void commitPolled(@Body List<Exchange> records) {
    Map<Integer, KafkaManualCommit> lastOfEachPartition = new LinkedHashMap<>();
    for (Exchange record : records) {
      Integer partition = record.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class);
      lastOfEachPartition.put(partition, manualCommit(record));
    }
    lastOfEachPartition.values().forEach(KafkaManualCommit::commit);
  }

  private static KafkaManualCommit manualCommit(Exchange record) {
    KafkaManualCommit manual = record.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
    if (manual == null) {
      throw new IllegalStateException("The route's Kafka endpoint must set allowManualCommit=true");
    }
    return manual;
  }
}
