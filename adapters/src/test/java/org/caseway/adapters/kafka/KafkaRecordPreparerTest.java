package org.caseway.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.caseway.adapters.outbound.OutboundMessage;
import org.caseway.adapters.outbound.OutboundPayload;
import org.caseway.adapters.outbound.OutboundTranslator;
import org.junit.jupiter.api.Test;

/** probation-kafka.md, out of Caseway: the record's key and headers, and nothing else. */
class KafkaRecordPreparerTest {

  private static final OutboundMessage MESSAGE = new OutboundMessage("disclosure-42", "northshire-probation",
      "incident-reported", "IOM", "ISA-IOM|1", "subject-7f3a", "{\"resourceType\":\"Bundle\"}", Map.of());

  @Test
  void theRecordIsKeyedBySubjectAndCarriesExactlyTheDocumentedHeaders() {
    Exchange exchange = new DefaultExchange(new DefaultCamelContext());
    exchange.setProperty(OutboundTranslator.MESSAGE_PROPERTY, MESSAGE);
    exchange.getIn().setBody(new OutboundPayload("{\"resourceType\":\"Bundle\",\"id\":\"b\"}", "application/fhir+json", "k"));
    // What a caller or an earlier step may have left: none of it may reach probation's topic.
    exchange.getIn().setHeader(KafkaConstants.OVERRIDE_TOPIC, "caseway.outbound.someone-else");
    exchange.getIn().setHeader(KafkaConstants.PARTITION_KEY, 3);
    exchange.getIn().setHeader("caseway-partner", "northshire-police");
    exchange.getIn().setHeader("Authorization", "Bearer secret");

    new KafkaRecordPreparer().process(exchange);

    assertThat(exchange.getIn().getHeaders()).containsExactlyInAnyOrderEntriesOf(Map.of(
        KafkaConstants.KEY, "subject-7f3a",
        "caseway-message-id", "disclosure-42",
        "caseway-event", "incident-reported",
        "caseway-purpose", "IOM",
        "caseway-agreement", "ISA-IOM|1"));
    assertThat(exchange.getIn().getBody()).isEqualTo("{\"resourceType\":\"Bundle\",\"id\":\"b\"}");
  }
}
