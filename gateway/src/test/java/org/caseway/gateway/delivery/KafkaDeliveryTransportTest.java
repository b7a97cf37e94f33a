package org.caseway.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.policy.Disclosure;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

class KafkaDeliveryTransportTest {

  @Test
  void publishesTheViewKeyedBySubjectWithTheHeadersOfProbationKafkaMd() {
    MockProducer<String, String> producer = new MockProducer<>(true, new StringSerializer(), new StringSerializer());
    KafkaDeliveryTransport transport = new KafkaDeliveryTransport(
        producer, new ViewSerializer(ImplementationGuide.load().fhirContext()), Duration.ofSeconds(5));
    Bundle view = new Bundle();
    view.setId("disclosure-1");
    Disclosure disclosure = new Disclosure("ISA-IOM", 2, "IOM", view, Set.of(), List.of(), List.of());

    transport.deliver(disclosure, new DeliveryTarget("northshire-probation",
        Map.of("type", "kafka", "topic", "caseway.outbound.northshire-probation"),
        "https://id.probation.gov.uk/crn|X123456", "iom-cohort-changed"));

    ProducerRecord<String, String> sent = producer.history().get(0);
    assertThat(sent.topic()).isEqualTo("caseway.outbound.northshire-probation");
    assertThat(sent.key()).isEqualTo("https://id.probation.gov.uk/crn|X123456");
    assertThat(sent.value()).contains("\"id\":\"disclosure-1\"");
    assertThat(header(sent, "caseway-message-id")).isEqualTo("disclosure-1");
    assertThat(header(sent, "caseway-event")).isEqualTo("iom-cohort-changed");
    assertThat(header(sent, "caseway-purpose")).isEqualTo("IOM");
    assertThat(header(sent, "caseway-agreement")).isEqualTo("ISA-IOM|2");
  }

  private static String header(ProducerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
