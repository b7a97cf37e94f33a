package org.caseway.gateway.journal;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseway.gateway.kafka.KafkaBootstrap;
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
    return new KafkaProducer<>(producerConfig(kafka.bootstrapServers(), journal));
  }

  @Bean
  JournalWriter journalWriter(Producer<String, String> journalProducer, JournalProperties journal) {
    return new JournalWriter(journalProducer, journal.topic(), journal.sendTimeout());
  }

  static Map<String, Object> producerConfig(String bootstrapServers, JournalProperties journal) {
    int sendTimeoutMs = Math.toIntExact(journal.sendTimeout().toMillis());
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "caseway-journal");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    // A partner waits on this send: do not hold records back to batch them.
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    // Retries stop at the send timeout; Kafka requires delivery >= linger + request timeout.
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, sendTimeoutMs);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, sendTimeoutMs);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeoutMs);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return config;
  }
}
