package org.caseway.gateway.journal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Turns a {@link JournalEntry} into the Kafka record that consumers read.
 *
 * <p>The key is the subject key, so Kafka's key hashing keeps every message about one person in one
 * partition, in the order it was accepted. The headers let consumers route and deduplicate without
 * parsing the bundle; their names are shared with the partner topics (see probation-kafka.md).
 */
public final class JournalRecords {

  public static final String MESSAGE_ID_HEADER = "caseway-message-id";
  public static final String EVENT_HEADER = "caseway-event";
  public static final String SOURCE_HEADER = "caseway-source";

  private JournalRecords() {}

  /** The record for {@code entry} on {@code topic}: key = subject key, value = the bundle's JSON. */
  public static ProducerRecord<String, String> toRecord(String topic, JournalEntry entry) {
    List<Header> headers =
        List.of(
            header(MESSAGE_ID_HEADER, entry.messageId()),
            header(EVENT_HEADER, entry.eventCode()),
            header(SOURCE_HEADER, entry.sourcePartnerId()));
    return new ProducerRecord<>(topic, null, entry.subjectKey(), entry.bundleJson(), headers);
  }

  private static Header header(String name, String value) {
    return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
