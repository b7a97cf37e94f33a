package org.caseway.adapters.kafka;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * Commits the offset of the record an exchange came from: the last step of a consuming route, so
 * that a record is committed only once everything before it succeeded (at least once).
 */
public class CommitOffset implements Processor {

  @Override
  public void process(Exchange exchange) {
    KafkaManualCommit manual = exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
    if (manual == null) {
      throw new IllegalStateException("The route's Kafka endpoint must set allowManualCommit=true");
    }
    manual.commit();
  }
}
