package org.caseway.conformance.kit.engine;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the messages under test from a Kafka topic: every record on it when the run starts, from
 * the earliest offset of every partition to the end offset it had then. The consumer joins no
 * group and commits nothing, so reading never disturbs the partner's or the gateway's consumers.
 * Plaintext connections only.
 */
final class KafkaInputs {

  private static final Duration POLL = Duration.ofMillis(200);

  private KafkaInputs() {}

  /**
   * @param timeout how long to wait for the broker, and for the records, before giving up
   * @return one input per record, named {@code topic/partition@offset}, with the record's headers
   * @throws IllegalArgumentException when the broker cannot be reached, the topic does not exist,
   *     or it holds no records
   */
  static List<Input> read(Location location, Duration timeout) {
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config(location))) {
      List<TopicPartition> partitions = partitions(consumer, location, timeout);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      List<Input> inputs = readUpTo(consumer, end, timeout, location);
      if (inputs.isEmpty()) {
        throw new IllegalArgumentException("The topic " + location + " holds no messages to check");
      }
      return inputs;
    } catch (KafkaException e) {
      throw new IllegalArgumentException("Cannot read " + location + ": " + e.getMessage(), e);
    }
  }

  private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, Location location, Duration timeout) {
    List<PartitionInfo> infos;
    try {
      infos = consumer.partitionsFor(location.topic(), timeout);
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      throw new IllegalArgumentException("No answer from the Kafka broker at " + location.bootstrapServers()
          + " within " + timeout.toSeconds() + " s (is it running?)", e);
    }
    if (infos == null || infos.isEmpty()) {
      throw new IllegalArgumentException("No topic " + location.topic() + " on the broker " + location.bootstrapServers());
    }
    return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
  }

  private static List<Input> readUpTo(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end,
      Duration timeout, Location location) {
    List<Input> inputs = new ArrayList<>();
    Map<TopicPartition, Long> remaining = new HashMap<>(end);
    remaining.values().removeIf(offset -> offset == 0);
    Instant deadline = Instant.now().plus(timeout);
    while (!remaining.isEmpty()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalArgumentException("Could not read " + location + " to its end within " + timeout.toSeconds() + " s");
      }
      for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Long last = end.get(partition);
        if (last != null && record.offset() < last) {
          inputs.add(new Input(record.topic() + "/" + record.partition() + "@" + record.offset(),
              record.value() == null ? "" : record.value(), headers(record)));
        }
      }
      remaining.keySet().removeIf(partition -> consumer.position(partition) >= remaining.get(partition));
    }
    return inputs;
  }

  private static Map<String, List<String>> headers(ConsumerRecord<String, String> record) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      headers.computeIfAbsent(header.key().toLowerCase(Locale.ROOT), key -> new ArrayList<>())
          .add(header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
    }
    return headers;
  }

  private static Map<String, Object> config(Location location) {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, location.bootstrapServers(),
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.CLIENT_ID_CONFIG, "caseway-conformance-kit",
        // Fail within the run's timeout, not Kafka's minute-long defaults.
        ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000",
        ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
  }

  /** {@code kafka://host:port/topic}. */
  record Location(String bootstrapServers, String topic) {
    static Location parse(String target) {
      String rest = target.substring("kafka://".length());
      int slash = rest.indexOf('/');
      if (slash <= 0 || slash == rest.length() - 1) {
        throw new IllegalArgumentException("A Kafka target is kafka://host:port/topic, not '" + target + "'");
      }
      return new Location(rest.substring(0, slash), rest.substring(slash + 1));
    }

    @Override
    public String toString() {
      return "kafka://" + bootstrapServers + "/" + topic;
    }
  }
}
