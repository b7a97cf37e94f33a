package org.caseway.gateway.dispatch;

import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * Commits the Kafka offset of the record an exchange came from: the last step of a consuming route,
 * so a record is committed only once everything before it succeeded. A crash before this step
 * means the record is taken again (at least once).
 */
public class OffsetCommitter {

  public void commit(Exchange exchange) {
    KafkaManualCommit manual =
        exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
    if (manual == null) {
      throw new IllegalStateException("The route's Kafka endpoint must set allowManualCommit=true");
    }
    manual.commit();
  }
}
