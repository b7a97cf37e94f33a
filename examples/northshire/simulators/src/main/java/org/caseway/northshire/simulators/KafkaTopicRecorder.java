package org.caseway.northshire.simulators;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A partner's consumer of one topic, recording what it reads: probation's outbound and acks topics,
 * the police integration hub's outbound topic (probation-kafka.md, police-rms-csv.md).
 *
 * <p>It consumes as a member of {@code groupId}, from the earliest offset when the group has none
 * committed, with offsets committed as it goes: a recorder that starts again with the same group
 * carries on where the last one stopped, as a partner's consumer would. The topic may not exist
 * yet: the recorder subscribes and keeps polling, and reads the topic once someone creates it
 * (within about a second; it never creates a topic itself). Reads committed records only.
 *
 * <p>Thread-safe: one background thread consumes; {@link #received()} may be called from any thread.
 * Logs topic, partition and offset only, never keys or values (personal data).
 */
public final class KafkaTopicRecorder implements AutoCloseable {

  /**
   * One record read.
   *
   * @param key the record key as UTF-8 text, or null
   * @param headers the record headers as UTF-8 text, in record order (for a repeated header name,
   *     the last value); a header without a value maps to null; unmodifiable
   */
  public record Received(String key, String value, Map<String, String> headers, int partition, long offset) {
    public Received {
      headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
  }

  private static final Logger log = LoggerFactory.getLogger(KafkaTopicRecorder.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final String topic;
  private final KafkaConsumer<String, String> consumer;
  private final List<Received> received = new ArrayList<>();
  private final Thread poller;
  private volatile boolean closing;

  private KafkaTopicRecorder(String topic, KafkaConsumer<String, String> consumer) {
    this.topic = topic;
    this.consumer = consumer;
    this.poller = new Thread(this::consume, "kafka-recorder-" + topic);
    this.poller.setDaemon(true);
  }

  /**
   * Starts consuming {@code topic} in the background and returns at once.
   *
   * @throws org.apache.kafka.common.KafkaException if the consumer cannot be created (a bad
   *     bootstrap address, say); an unreachable broker is not an error, it is retried
   */
  public static KafkaTopicRecorder start(String bootstrapServers, String topic, String groupId) {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(groupId, "groupId");
    KafkaTopicRecorder recorder = new KafkaTopicRecorder(topic, new KafkaConsumer<>(config(bootstrapServers, groupId, topic)));
    recorder.poller.start();
    return recorder;
  }

  private static Map<String, Object> config(String bootstrapServers, String groupId, String topic) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + topic);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // The gateway creates its topics with the partitions it needs; a consumer must never create one.
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    // Refreshed often, so that a topic created after the subscription is noticed within a second.
    config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1_000);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    return config;
  }

  /** The records read so far, in the order read (per partition, offset order); a snapshot. */
  public List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** Stops consuming, commits what was read and leaves the group; waits up to 10 s. Idempotent. */
  @Override
  public void close() {
    closing = true;
    if (poller.isAlive()) {
      consumer.wakeup();
    }
    try {
      poller.join(CLOSE_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void consume() {
    try {
      consumer.subscribe(List.of(topic));
      while (!closing) {
        consumer.poll(POLL).forEach(this::record);
      }
    } catch (WakeupException e) {
      // close() asked the consumer to stop.
    } catch (RuntimeException e) {
      log.error("Recorder of {} stopped: {}", topic, e.toString());
    } finally {
      consumer.close(CLOSE_TIMEOUT);
    }
  }

  private void record(ConsumerRecord<String, String> record) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
    }
    synchronized (received) {
      received.add(new Received(record.key(), record.value(), headers, record.partition(), record.offset()));
    }
    log.debug("Recorded {}-{} at offset {}", record.topic(), record.partition(), record.offset());
  }
}
