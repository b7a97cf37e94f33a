package org.caseway.gateway.inbound;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.apache.kafka.clients.producer.Producer;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.accept.MessageAcceptance;
import org.caseway.gateway.delivery.DeliveryProperties;
import org.caseway.gateway.dispatch.KafkaConsumerUris;
import org.caseway.gateway.dispatch.OffsetCommitter;
import org.caseway.gateway.fhir.FhirJson;
import org.caseway.gateway.kafka.KafkaBootstrap;
import org.caseway.gateway.kafka.KafkaTopics;
import org.caseway.gateway.partner.Partner;
import org.caseway.gateway.partner.PartnerDirectory;
import org.caseway.gateway.partner.PartnerRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Kafka inbound channel: creates its topics and the acks topic of every Kafka partner. */
@Configuration(proxyBeanMethods = false)
public class InboundConfiguration {

  /** The channel name, in the partners file, of a partner's way into Caseway. */
  static final String IN_CHANNEL = "in";

  @Bean
  RouteBuilder inboundKafkaRoute(
      InboundProperties inbound,
      KafkaBootstrap kafka,
      PartnerRegistry registry,
      PartnerDirectory partners,
      MessageAcceptance acceptance,
      Producer<String, String> partnerTopicsProducer,
      DeliveryProperties delivery,
      ImplementationGuide guide,
      OffsetCommitter committer,
      Clock clock) {
    if (!inbound.enabled()) {
      return new RouteBuilder() {
        @Override
        public void configure() {}
      };
    }
    KafkaTopics.ensureExist(kafka, topics(inbound, registry), inbound.partitions(), delivery.sendTimeout());
    InboundMessageHandler handler =
        new InboundMessageHandler(acceptance, new FailureResponseBuilder(guide.fhirContext(), clock),
            partners, partnerTopicsProducer, inbound, new FhirJson(guide.fhirContext()),
            delivery.sendTimeout());
    String endpoint = KafkaConsumerUris.manualCommit(inbound.topic(), kafka.bootstrapServers(), inbound.groupId(), 20);
    return new InboundKafkaRoute(endpoint, handler, committer);
  }

  private static List<String> topics(InboundProperties inbound, PartnerRegistry registry) {
    List<String> topics = new ArrayList<>(List.of(inbound.topic()));
    for (Partner partner : registry.all()) {
      var in = partner.channels().get(IN_CHANNEL);
      if (in != null && "kafka".equals(in.get("type"))) {
        topics.add(inbound.acksTopic(partner.id()));
      }
    }
    return topics;
  }
}
