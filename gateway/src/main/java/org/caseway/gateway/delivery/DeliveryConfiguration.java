package org.caseway.gateway.delivery;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.kafka.KafkaBootstrap;
import org.caseway.gateway.kafka.ReliableProducerConfig;
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
    return ReliableProducerConfig.of(bootstrapServers, "caseway-delivery", delivery.sendTimeout());
  }
}
