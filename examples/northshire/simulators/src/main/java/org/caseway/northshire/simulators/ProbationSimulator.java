package org.caseway.northshire.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probation's IOM unit, the message-driven partner of probation-kafka.md: it publishes canonical
 * messages to {@value #INBOUND_TOPIC} with header {@code caseway-partner: northshire-probation}, and
 * consumes {@value #OUTBOUND_TOPIC} and {@value #ACKS_TOPIC} (see {@link #outbound()}, {@link
 * #acks()}), in consumer groups {@value #OUTBOUND_GROUP} and {@value #ACKS_GROUP}.
 *
 * <p>It creates no topic; the gateway does. A publish before {@value #INBOUND_TOPIC} exists fails
 * after the send timeout (15 s). Thread-safe. Logs message ids only.
 */
public final class ProbationSimulator implements AutoCloseable {

  public static final String PARTNER_ID = "northshire-probation";
  public static final String PARTNER_HEADER = "caseway-partner";
  public static final String INBOUND_TOPIC = "caseway.inbound";
  public static final String OUTBOUND_TOPIC = "caseway.outbound." + PARTNER_ID;
  public static final String ACKS_TOPIC = "caseway.acks." + PARTNER_ID;
  public static final String OUTBOUND_GROUP = PARTNER_ID + "-outbound";
  public static final String ACKS_GROUP = PARTNER_ID + "-acks";

  private static final Logger log = LoggerFactory.getLogger(ProbationSimulator.class);
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

  private final KafkaProducer<String, String> producer;
  private final KafkaTopicRecorder outbound;
  private final KafkaTopicRecorder acks;

  private ProbationSimulator(KafkaProducer<String, String> producer, KafkaTopicRecorder outbound, KafkaTopicRecorder acks) {
    this.producer = producer;
    this.outbound = outbound;
    this.acks = acks;
  }

  /** Starts probation's producer and its two recorders; returns at once. */
  public static ProbationSimulator start(String bootstrapServers) {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(bootstrapServers));
    return new ProbationSimulator(producer,
        KafkaTopicRecorder.start(bootstrapServers, OUTBOUND_TOPIC, OUTBOUND_GROUP),
        KafkaTopicRecorder.start(bootstrapServers, ACKS_TOPIC, ACKS_GROUP));
  }

  private static Map<String, Object> producerConfig(String bootstrapServers) {
    int timeoutMs = (int) SEND_TIMEOUT.toMillis();
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.CLIENT_ID_CONFIG, PARTNER_ID,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, 0,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
  }

  /**
   * Publishes {@code bundleJson}, unchanged, to {@value #INBOUND_TOPIC}, keyed by its MessageHeader
   * id (the first entry's resource id), or its Bundle.id if it has no MessageHeader first, or no
   * key if it has neither (content the gateway must refuse may be sent too). Returns once the
   * broker has acknowledged the record.
   *
   * @throws IllegalStateException if the broker does not acknowledge it within 15 s
   */
  public void publish(String bundleJson) {
    Objects.requireNonNull(bundleJson, "bundleJson");
    String key = keyOf(bundleJson);
    ProducerRecord<String, String> record = new ProducerRecord<>(INBOUND_TOPIC, null, key, bundleJson,
        List.of(new RecordHeader(PARTNER_HEADER, PARTNER_ID.getBytes(StandardCharsets.UTF_8))));
    RecordMetadata sent = send(record);
    log.info("Probation published message {} to {}-{} at offset {}", key == null ? "(no id)" : key, sent.topic(), sent.partition(), sent.offset());
  }

  /** Publishes {@link Samples#iomCohortChanged()}: CRN K204811 joins the cohort, PNC id 2013/0456789K. */
  public void publishIomCohortSample() {
    publish(Samples.iomCohortChanged());
  }

  /** What probation has read from {@value #OUTBOUND_TOPIC}. */
  public KafkaTopicRecorder outbound() {
    return outbound;
  }

  /** What probation has read from {@value #ACKS_TOPIC}. */
  public KafkaTopicRecorder acks() {
    return acks;
  }

  /** Stops the producer and both recorders. */
  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    outbound.close();
    acks.close();
  }

  private RecordMetadata send(ProducerRecord<String, String> record) {
    try {
      return producer.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Probation could not publish to " + INBOUND_TOPIC
          + " (does the topic exist? the gateway creates it): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while publishing to " + INBOUND_TOPIC, e);
    }
  }

  static String keyOf(String bundleJson) {
    JsonNode bundle = Json.read(bundleJson.getBytes(StandardCharsets.UTF_8)).orElse(null);
    if (bundle == null) {
      return null;
    }
    JsonNode first = bundle.path("entry").path(0).path("resource");
    if ("MessageHeader".equals(first.path("resourceType").asText()) && first.path("id").isTextual()) {
      return first.get("id").asText();
    }
    return bundle.path("id").isTextual() ? bundle.get("id").asText() : null;
  }
}
