package org.caseway.gateway.delivery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.kafka.KafkaBootstrap;
import org.caseway.gateway.kafka.KafkaTopics;
import org.caseway.gateway.partner.PartnerRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delivery transports, one per channel type, and the producer the Kafka one uses. */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {

  /**
   * The producer for partner topics (outbound disclosures, acknowledgements): idempotent, acks=all.
   * Creates every Kafka out topic named in the partners file first.
   */
  @Bean(destroyMethod = "close")
  Producer<String, String> partnerTopicsProducer(
      KafkaBootstrap kafka, DeliveryProperties delivery, PartnerRegistry partners) {
    List<String> topics =
        partners.all().stream()
            .map(p -> p.channels().get(DeliveryTransports.OUT_CHANNEL))
            .filter(out -> out != null && KafkaDeliveryTransport.TYPE.equals(out.get("type")))
            .map(out -> out.get("topic"))
            .filter(t -> t != null && !t.isBlank())
            .toList();
    KafkaTopics.ensureExist(kafka, topics, delivery.topicPartitions(), delivery.sendTimeout());
    return new KafkaProducer<>(producerConfig(kafka.bootstrapServers(), delivery));
  }

  @Bean
  DeliveryTransports deliveryTransports(
      Producer<String, String> partnerTopicsProducer,
      DeliveryProperties delivery,
      ImplementationGuide guide) {
    ViewSerializer serializer = new ViewSerializer(guide.fhirContext());
    return new DeliveryTransports(
        List.of(
            new KafkaDeliveryTransport(partnerTopicsProducer, serializer, delivery.sendTimeout()),
            new FhirProcessMessageTransport(serializer, delivery.fhirBaseUrls(), delivery.sendTimeout())));
  }

  static Map<String, Object> producerConfig(String bootstrapServers, DeliveryProperties delivery) {
    int timeoutMs = Math.toIntExact(delivery.sendTimeout().toMillis());
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "caseway-delivery");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return config;
  }
}
