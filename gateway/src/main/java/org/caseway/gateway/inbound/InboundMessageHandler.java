package org.caseway.gateway.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.caseway.gateway.accept.MessageAcceptance;
import org.caseway.gateway.error.GatewayException;
import org.caseway.gateway.fhir.FhirJson;
import org.caseway.gateway.journal.JournalRecords;
import org.caseway.gateway.partner.PartnerDirectory;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one message a partner published on the inbound topic through the same acceptance as
 * {@code $process-message}, and publishes the acknowledgement to the partner's acks topic.
 *
 * <p>The {@code caseway-partner} header names the sender; acceptance checks that it is active and
 * is the message's {@code MessageHeader.source}. A repeated message id is acknowledged again and
 * accepted once. Returns once the acknowledgement is on the broker; the caller then commits.
 */
public class InboundMessageHandler {

  public static final String PARTNER_HEADER = "caseway-partner";

  private static final Logger log = LoggerFactory.getLogger(InboundMessageHandler.class);

  private final MessageAcceptance acceptance;
  private final FailureResponseBuilder failures;
  private final PartnerDirectory partners;
  private final Producer<String, String> producer;
  private final InboundProperties inbound;
  private final FhirJson json;
  private final Duration sendTimeout;

  public InboundMessageHandler(MessageAcceptance acceptance, FailureResponseBuilder failures,
      PartnerDirectory partners, Producer<String, String> producer, InboundProperties inbound,
      FhirJson json, Duration sendTimeout) {
    this.acceptance = acceptance;
    this.failures = failures;
    this.partners = partners;
    this.producer = producer;
    this.inbound = inbound;
    this.json = json;
    this.sendTimeout = sendTimeout;
  }

  public void handle(@Body String message, @Header(PARTNER_HEADER) String partnerId) throws Exception {
    // TODO(issue 6): check the broker's authenticated principal against this header.
    if (partnerId == null || !sendsOnKafka(partnerId)) {
      // No acks topic to answer on: answering would block this consumer on a missing topic.
      log.warn("Inbound record skipped: {} header '{}' names no partner with a Kafka in channel",
          PARTNER_HEADER, partnerId);
      return;
    }
    Bundle ack = acknowledge(message, partnerId);
    publish(partnerId, ack);
  }

  private boolean sendsOnKafka(String partnerId) {
    return partners.find(partnerId)
        .map(p -> p.channels().get(InboundConfiguration.IN_CHANNEL))
        .map(in -> "kafka".equals(in.get("type")))
        .orElse(false);
  }

  private Bundle acknowledge(String message, String partnerId) {
    try {
      return acceptance.accept(partnerId, message);
    } catch (GatewayException refusal) {
      return failures.build(message, partnerId, refusal);
    }
  }

  private void publish(String partnerId, Bundle ack) throws Exception {
    MessageHeader header = (MessageHeader) ack.getEntryFirstRep().getResource();
    String answered = header.getResponse().getIdentifier();
    ProducerRecord<String, String> record =
        new ProducerRecord<>(inbound.acksTopic(partnerId), null, answered, json.encode(ack),
            List.of(new RecordHeader(JournalRecords.MESSAGE_ID_HEADER,
                ack.getIdElement().getIdPart().getBytes(StandardCharsets.UTF_8))));
    producer.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    log.info("Acknowledged inbound message {} from {} with {}", answered, partnerId,
        header.getResponse().getCode().toCode());
  }
}
