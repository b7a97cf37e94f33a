package org.caseway.gateway.delivery;

import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.caseway.adapters.ChannelTypes;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.ledger.MarkerDisclosures;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The delivery transports: one per outbound channel type, each handing disclosures to the partner's
 * outbound channel route (adapters' route templates, wired in {@code channels}).
 */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {

  @Bean
  MarkerDisclosures markerDisclosures(JdbcClient jdbc) {
    return new MarkerDisclosures(jdbc);
  }

  @Bean
  DeliveryTransports deliveryTransports(ProducerTemplate camel, ImplementationGuide guide, MarkerDisclosures markers) {
    ViewSerializer serializer = new ViewSerializer(guide.fhirContext());
    DeliveryParameters parameters = new DeliveryParameters(markers);
    return new DeliveryTransports(ChannelTypes.OUT.stream()
        .sorted()
        .map(type -> (DeliveryTransport) new ChannelDeliveryTransport(type, camel, serializer, parameters))
        .toList());
  }
}
