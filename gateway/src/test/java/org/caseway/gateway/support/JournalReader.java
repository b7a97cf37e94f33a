package org.caseway.gateway.support;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.caseway.gateway.journal.JournalRecords;

/** Reads the whole journal topic with a real consumer, as a downstream consumer would. */
public final class JournalReader {

  private final String bootstrapServers;
  private final String topic;
  private final Map<String, Object> clientSettings;

  public JournalReader(String bootstrapServers, String topic) {
    this(bootstrapServers, topic, Map.of());
  }

  /** @param clientSettings added to the consumer's (security, for an authenticating broker) */
  public JournalReader(String bootstrapServers, String topic, Map<String, Object> clientSettings) {
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
    this.clientSettings = Map.copyOf(clientSettings);
  }

  /** The records carrying {@code messageId} in their message-id header. */
  public List<ConsumerRecord<String, String>> recordsOf(String messageId) {
    return readAll().stream().filter(r -> messageId.equals(header(r, JournalRecords.MESSAGE_ID_HEADER))).toList();
  }

  /**
   * Every record now on the topic: reads from the beginning of each partition up to the end offset
   * it had when the read started (what an acknowledged accept has written is below it).
   */
  public List<ConsumerRecord<String, String>> readAll() {
    Map<String, Object> config = new java.util.HashMap<>(clientSettings);
    config.put("bootstrap.servers", bootstrapServers);
    config.put("key.deserializer", StringDeserializer.class);
    config.put("value.deserializer", StringDeserializer.class);
    config.put("enable.auto.commit", false);
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      Set<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .collect(Collectors.toSet());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return ends.entrySet().stream()
                    .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
              });
    }
    return records;
  }

  public static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
