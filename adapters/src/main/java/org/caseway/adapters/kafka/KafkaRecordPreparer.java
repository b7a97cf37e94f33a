package org.caseway.adapters.kafka;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.caseway.adapters.outbound.OutboundMessage;
import org.caseway.adapters.outbound.OutboundPayload;
import org.caseway.adapters.outbound.OutboundTranslator;

/**
 * Kafka out: makes the exchange the record a message-driven recipient expects (probation-kafka.md):
 * key = the canonical subject id (one person's messages stay in order on one partition), headers
 * {@code caseway-message-id} (the disclosure's id), {@code caseway-event}, {@code caseway-purpose},
 * {@code caseway-agreement} ({@code id|version}), and nothing else. Thread-safe.
 */
public class KafkaRecordPreparer implements org.apache.camel.Processor {

  public static final String EVENT_HEADER = "caseway-event";
  public static final String PURPOSE_HEADER = "caseway-purpose";
  public static final String AGREEMENT_HEADER = "caseway-agreement";

  @Override
  public void process(Exchange exchange) {
    OutboundMessage message = exchange.getProperty(OutboundTranslator.MESSAGE_PROPERTY, OutboundMessage.class);
    OutboundPayload payload = exchange.getIn().getBody(OutboundPayload.class);
    Message in = exchange.getIn();
    in.removeHeaders("*");
    in.setHeader(KafkaConstants.KEY, message.subjectKey());
    in.setHeader(KafkaInAcknowledger.MESSAGE_ID_HEADER, message.disclosureId());
    in.setHeader(EVENT_HEADER, message.event());
    in.setHeader(PURPOSE_HEADER, message.purpose());
    in.setHeader(AGREEMENT_HEADER, message.agreement());
    in.setBody(payload.content());
  }
}
