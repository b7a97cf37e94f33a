package org.caseway.gateway.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The settings of every producer whose sends Caseway waits on (the journal, the partner topics):
 * idempotent, acknowledged by all in-sync replicas, not batched, and bounded by one send timeout.
 */
public final class ReliableProducerConfig {

  private ReliableProducerConfig() {}

  /**
   * @param clientId the producer's client id, as the broker's logs and metrics show it
   * @param sendTimeout how long a send may take, retries included, before it fails
   * @return a new, modifiable map of producer settings with String keys and values
   */
  public static Map<String, Object> of(String bootstrapServers, String clientId, Duration sendTimeout) {
    int timeoutMs = Math.toIntExact(sendTimeout.toMillis());
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    // Someone waits on each send (a partner, or the journal's next record): never hold one back.
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    // Retries stop at the send timeout; Kafka requires delivery >= linger + request timeout.
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return config;
  }
}
