package org.caseway.northshire.simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseway.northshire.simulators.KafkaTopicRecorder.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probation and the topic recorders against a real (in-process) Kafka broker. */
class ProbationSimulatorIT {

  /** The guide's example: its MessageHeader id, which probation keys the record by. */
  private static final String COHORT_HEADER_ID = "5f0c43c6-3e20-5f4b-a3ba-a8635c8e46d4";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir static Path dataDir;
  private static TestKafkaBroker broker;
  private static KafkaProducer<String, String> gateway;

  @BeforeAll
  static void startBroker() {
    broker = TestKafkaBroker.start(dataDir.resolve("kafka"));
    // The gateway creates the partner topics; here the test stands in for it.
    broker.createTopics(3, ProbationSimulator.INBOUND_TOPIC, ProbationSimulator.OUTBOUND_TOPIC, ProbationSimulator.ACKS_TOPIC);
    gateway = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers(), "acks", "all",
        "key.serializer", StringSerializer.class, "value.serializer", StringSerializer.class));
  }

  @AfterAll
  static void stopBroker() {
    gateway.close();
    broker.close();
  }

  @Test
  void publishesTheCohortSampleToInboundKeyedByItsHeaderIdAndNamingItself() {
    try (KafkaTopicRecorder caseway = KafkaTopicRecorder.start(broker.bootstrapServers(), ProbationSimulator.INBOUND_TOPIC, "gateway-" + UUID.randomUUID());
        ProbationSimulator probation = ProbationSimulator.start(broker.bootstrapServers())) {
      probation.publishIomCohortSample();

      await().atMost(WAIT).until(() -> !withKey(caseway, COHORT_HEADER_ID).isEmpty());
      Received received = withKey(caseway, COHORT_HEADER_ID).get(0);
      assertThat(received.value()).isEqualTo(Samples.iomCohortChanged());
      assertThat(received.headers()).containsExactly(Map.entry("caseway-partner", "northshire-probation"));
    }
  }

  @Test
  void keysAMessageWithoutAHeaderByItsBundleIdAndNonJsonByNothing() {
    String bundleId = UUID.randomUUID().toString();
    String marker = UUID.randomUUID().toString();
    try (KafkaTopicRecorder caseway = KafkaTopicRecorder.start(broker.bootstrapServers(), ProbationSimulator.INBOUND_TOPIC, "gateway-" + UUID.randomUUID());
        ProbationSimulator probation = ProbationSimulator.start(broker.bootstrapServers())) {
      probation.publish("{\"resourceType\":\"Bundle\",\"id\":\"" + bundleId + "\",\"type\":\"message\"}");
      probation.publish("not json " + marker);

      await().atMost(WAIT).until(() -> !withKey(caseway, bundleId).isEmpty()
          && caseway.received().stream().anyMatch(r -> r.value().endsWith(marker)));
      assertThat(caseway.received()).filteredOn(r -> r.value().endsWith(marker)).singleElement()
          .satisfies(r -> assertThat(r.key()).isNull());
    }
  }

  @Test
  void recordsWhatTheGatewayPublishesToItsOutboundAndAcksTopics() throws Exception {
    String subject = "https://id.probation.gov.uk/crn|K" + (100000 + (int) (Math.random() * 899999));
    try (ProbationSimulator probation = ProbationSimulator.start(broker.bootstrapServers())) {
      for (int i = 1; i <= 3; i++) {
        gateway.send(new ProducerRecord<>(ProbationSimulator.OUTBOUND_TOPIC, null, subject, "message " + i,
            List.of(header("caseway-message-id", "m-" + i), header("caseway-event", "incident-reported"),
                header("caseway-purpose", "IOM"), header("caseway-agreement", "ISA-IOM|1")))).get();
      }
      gateway.send(new ProducerRecord<>(ProbationSimulator.ACKS_TOPIC, COHORT_HEADER_ID, "ack")).get();

      await().atMost(WAIT).until(() -> withKey(probation.outbound(), subject).size() == 3);
      List<Received> outbound = withKey(probation.outbound(), subject);
      // One key, one partition: the order of publication is kept.
      assertThat(outbound).extracting(Received::value).containsExactly("message 1", "message 2", "message 3");
      assertThat(outbound).extracting(Received::partition).containsOnly(outbound.get(0).partition());
      assertThat(outbound).extracting(Received::offset).isSorted();
      assertThat(outbound.get(0).headers()).containsExactly(Map.entry("caseway-message-id", "m-1"),
          Map.entry("caseway-event", "incident-reported"), Map.entry("caseway-purpose", "IOM"),
          Map.entry("caseway-agreement", "ISA-IOM|1"));
      await().atMost(WAIT).until(() -> !withKey(probation.acks(), COHORT_HEADER_ID).isEmpty());
    }
  }

  @Test
  void aRecorderStartedBeforeItsTopicExistsReadsItOnceItIsCreated() throws Exception {
    String topic = "caseway.outbound.northshire-police-" + UUID.randomUUID();
    try (KafkaTopicRecorder hub = KafkaTopicRecorder.start(broker.bootstrapServers(), topic, "northshire-police-hub")) {
      broker.createTopics(1, topic);
      gateway.send(new ProducerRecord<>(topic, "subject-1", "first")).get();

      await().atMost(WAIT).until(() -> hub.received().size() == 1);
      assertThat(hub.received().get(0)).isEqualTo(new Received("subject-1", "first", Map.of(), 0, 0));
    }
  }

  @Test
  void aRecorderInTheSameGroupCarriesOnWhereTheLastStopped() throws Exception {
    String topic = "caseway.outbound.test-" + UUID.randomUUID();
    broker.createTopics(1, topic);
    gateway.send(new ProducerRecord<>(topic, "k", "before")).get();
    try (KafkaTopicRecorder first = KafkaTopicRecorder.start(broker.bootstrapServers(), topic, "hub")) {
      await().atMost(WAIT).until(() -> first.received().size() == 1);
    }
    gateway.send(new ProducerRecord<>(topic, "k", "after")).get();

    try (KafkaTopicRecorder second = KafkaTopicRecorder.start(broker.bootstrapServers(), topic, "hub")) {
      await().atMost(WAIT).until(() -> !second.received().isEmpty());
      assertThat(second.received()).extracting(Received::value).containsExactly("after");
    }
  }

  @Test
  void aSnapshotOfWhatWasReceivedCannotBeChanged() {
    try (KafkaTopicRecorder recorder = KafkaTopicRecorder.start(broker.bootstrapServers(), ProbationSimulator.ACKS_TOPIC, "g-" + UUID.randomUUID())) {
      assertThatThrownBy(() -> recorder.received().add(new Received(null, "v", Map.of(), 0, 0)))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  private static List<Received> withKey(KafkaTopicRecorder recorder, String key) {
    return recorder.received().stream().filter(r -> key.equals(r.key())).toList();
  }

  private static RecordHeader header(String name, String value) {
    return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
