package org.caseway.gateway.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.caseway.gateway.journal.JournalRecords;

/**
 * Reads the journal topic as it grows, from the beginning, outside any consumer group: which
 * messages the gateway has journaled, where each first landed (the order in which dispatch takes
 * one person's messages), and what each is about (the focus resource's first identifier: the
 * incident reference, the council's case number, the flag's id). Thread-safe.
 */
final class JournalWatch implements AutoCloseable {

  /** A message's first record on the journal. */
  record Journaled(String messageId, String source, String subjectKey, int partition, long offset, String reference) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KafkaConsumer<String, String> consumer;
  private final Map<String, Journaled> first = new LinkedHashMap<>();
  private final AtomicInteger records = new AtomicInteger();
  private final Thread reader;
  private volatile boolean closing;

  JournalWatch(String bootstrapServers, String topic) {
    Properties config = new Properties();
    config.put("bootstrap.servers", bootstrapServers);
    config.put("key.deserializer", StringDeserializer.class.getName());
    config.put("value.deserializer", StringDeserializer.class.getName());
    config.put("enable.auto.commit", "false");
    config.put("isolation.level", "read_committed");
    consumer = new KafkaConsumer<>(config);
    reader = new Thread(() -> read(topic), "journal-watch");
    reader.setDaemon(true);
    reader.start();
  }

  /** How many records (repeats included) have been read so far. */
  int records() {
    return records.get();
  }

  /** Distinct messages journaled so far. */
  int messages() {
    synchronized (first) {
      return first.size();
    }
  }

  int messagesFrom(String source) {
    synchronized (first) {
      return (int) first.values().stream().filter(j -> source.equals(j.source())).count();
    }
  }

  Map<String, Journaled> snapshot() {
    synchronized (first) {
      return Map.copyOf(first);
    }
  }

  Collection<Journaled> all() {
    synchronized (first) {
      return List.copyOf(first.values());
    }
  }

  @Override
  public void close() {
    closing = true;
    consumer.wakeup();
    try {
      reader.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void read(String topic) {
    try {
      List<TopicPartition> partitions = null;
      while (!closing && (partitions == null || partitions.isEmpty())) {
        partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
            .map(p -> new TopicPartition(topic, p.partition())).toList();
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (!closing) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          take(record);
        }
      }
    } catch (WakeupException closed) {
      // close() stopped the reader.
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void take(ConsumerRecord<String, String> record) {
    records.incrementAndGet();
    String messageId = header(record, JournalRecords.MESSAGE_ID_HEADER);
    synchronized (first) {
      if (first.containsKey(messageId)) {
        return;
      }
    }
    Journaled journaled = new Journaled(messageId, header(record, JournalRecords.SOURCE_HEADER), record.key(),
        record.partition(), record.offset(), focusReference(record.value()));
    synchronized (first) {
      first.putIfAbsent(messageId, journaled);
    }
  }

  /** The focus resource's first identifier value: what the test fed the message as. */
  static String focusReference(String bundleJson) {
    try {
      JsonNode bundle = JSON.readTree(bundleJson);
      JsonNode header = bundle.path("entry").path(0).path("resource");
      String focus = header.path("focus").path(0).path("reference").asText();
      for (JsonNode entry : bundle.path("entry")) {
        if (focus.equals(entry.path("fullUrl").asText())) {
          return entry.path("resource").path("identifier").path(0).path("value").asText(null);
        }
      }
      return null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
