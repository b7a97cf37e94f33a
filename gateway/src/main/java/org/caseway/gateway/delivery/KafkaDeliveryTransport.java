package org.caseway.gateway.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.caseway.gateway.journal.JournalRecords;
import org.caseway.gateway.policy.Disclosure;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Publishes a disclosure to the recipient's Kafka topic (probation-kafka.md): key = the canonical
 * subject id, headers {@code caseway-message-id} (the disclosure's own id), {@code caseway-event},
 * {@code caseway-purpose}, {@code caseway-agreement} ({@code id|version}); the producer is
 * idempotent with acks=all, and a send returns once the broker has the record.
 *
 * <p>Channel settings: {@code topic} (required).
 */
public class KafkaDeliveryTransport implements DeliveryTransport {

  public static final String TYPE = "kafka";
  public static final String PURPOSE_HEADER = "caseway-purpose";
  public static final String AGREEMENT_HEADER = "caseway-agreement";

  private final Producer<String, String> producer;
  private final ViewSerializer serializer;
  private final Duration sendTimeout;

  public KafkaDeliveryTransport(
      Producer<String, String> producer, ViewSerializer serializer, Duration sendTimeout) {
    this.producer = producer;
    this.serializer = serializer;
    this.sendTimeout = sendTimeout;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public void deliver(Disclosure disclosure, DeliveryTarget target) {
    ProducerRecord<String, String> record = record(disclosure, target);
    try {
      producer.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException(true, "Interrupted while publishing to " + record.topic(), e);
    } catch (TimeoutException e) {
      throw new DeliveryException(true, "Kafka did not acknowledge " + record.topic() + " in time", e);
    } catch (ExecutionException e) {
      boolean retriable = e.getCause() instanceof RetriableException;
      throw new DeliveryException(retriable, "Kafka refused the record for " + record.topic()
          + ": " + e.getCause().getClass().getSimpleName(), e.getCause());
    }
  }

  ProducerRecord<String, String> record(Disclosure disclosure, DeliveryTarget target) {
    Bundle view = disclosure.view();
    List<Header> headers =
        List.of(
            header(JournalRecords.MESSAGE_ID_HEADER, view.getIdElement().getIdPart()),
            header(JournalRecords.EVENT_HEADER, target.event()),
            header(PURPOSE_HEADER, disclosure.purpose()),
            header(AGREEMENT_HEADER, disclosure.agreementId() + "|" + disclosure.agreementVersion()));
    return new ProducerRecord<>(
        target.required("topic"), null, target.subjectKey(), serializer.json(view), headers);
  }

  private static Header header(String name, String value) {
    return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
