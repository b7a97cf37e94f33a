package org.caseway.gateway.journal;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.caseway.gateway.kafka.KafkaBootstrap;
import org.caseway.gateway.kafka.ReliableProducerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The journal's producer and writer. Both depend on {@link KafkaBootstrap}, so they start after
 * the broker and close before it. */
@Configuration(proxyBeanMethods = false)
public class JournalConfiguration {

  /**
   * The producer for the journal: idempotent (a retried send is not written twice) and acks=all (a
   * send completes only when every in-sync replica has the record).
   */
  @Bean(destroyMethod = "close")
  Producer<String, String> journalProducer(KafkaBootstrap kafka, JournalProperties journal) {
    JournalTopic.ensureExists(kafka, journal);
    Map<String, Object> config = producerConfig(kafka.bootstrapServers(), journal);
    config.putAll(kafka.clientProperties());
    return new KafkaProducer<>(config);
  }

  @Bean
  JournalWriter journalWriter(Producer<String, String> journalProducer, JournalProperties journal) {
    return new JournalWriter(journalProducer, journal.topic(), journal.sendTimeout());
  }

  static Map<String, Object> producerConfig(String bootstrapServers, JournalProperties journal) {
    return ReliableProducerConfig.of(bootstrapServers, "caseway-journal", journal.sendTimeout());
  }
}
