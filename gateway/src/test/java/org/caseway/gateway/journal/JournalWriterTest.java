package org.caseway.gateway.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.GatewayException;
import org.junit.jupiter.api.Test;

class JournalWriterTest {

  private static final String TOPIC = "caseway.journal";
  private static final int PARTITIONS = 6;

  private final MockProducer<String, String> producer =
      new MockProducer<>(sixPartitions(), true, new StringSerializer(), new StringSerializer());
  private final JournalWriter writer = new JournalWriter(producer, TOPIC, Duration.ofSeconds(5));

  @Test
  void writesTheBundleKeyedBySubjectWithRoutingHeaders() {
    writer.append(entry("msg-1", "https://fhir.nhs.uk/Id/nhs-number|9434765919"));

    ProducerRecord<String, String> record = producer.history().get(0);
    assertThat(record.topic()).isEqualTo(TOPIC);
    assertThat(record.key()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number|9434765919");
    assertThat(record.value()).isEqualTo("{\"resourceType\":\"Bundle\"}");
    assertThat(header(record, JournalRecords.MESSAGE_ID_HEADER)).isEqualTo("msg-1");
    assertThat(header(record, JournalRecords.EVENT_HEADER)).isEqualTo("risk-flag-raised");
    assertThat(header(record, JournalRecords.SOURCE_HEADER)).isEqualTo("northshire-mh-trust");
  }

  @Test
  void keepsEveryMessageAboutOneSubjectInOnePartition() {
    String subject = "https://id.probation.gov.uk/crn|X123456";
    List<JournalPosition> positions =
        IntStream.range(0, 20).mapToObj(i -> writer.append(entry("msg-" + i, subject))).toList();

    assertThat(positions).extracting(JournalPosition::partition).containsOnly(positions.get(0).partition());
    assertThat(positions).extracting(JournalPosition::offset).isSorted();
  }

  @Test
  void spreadsDifferentSubjectsOverPartitions() {
    Set<Integer> partitions =
        IntStream.range(0, 50)
            .mapToObj(i -> writer.append(entry("msg-" + i, "https://id.probation.gov.uk/crn|X1" + i)))
            .map(JournalPosition::partition)
            .collect(java.util.stream.Collectors.toSet());

    assertThat(partitions).hasSizeGreaterThan(1);
  }

  @Test
  void refusesAsTransientWhenTheBrokerRejectsTheWrite() {
    producer.sendException = new KafkaException("broker says no");

    assertThatThrownBy(() -> writer.append(entry("msg-1", "message|msg-1")))
        .isInstanceOfSatisfying(
            GatewayException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.JOURNAL_UNAVAILABLE))
        .hasMessageNotContaining("broker says no");
  }

  @Test
  void refusesAsTransientWhenTheBrokerDoesNotAcknowledgeInTime() {
    MockProducer<String, String> silentBroker =
        new MockProducer<>(sixPartitions(), false, new StringSerializer(), new StringSerializer());
    JournalWriter impatient = new JournalWriter(silentBroker, TOPIC, Duration.ofMillis(50));

    assertThatThrownBy(() -> impatient.append(entry("msg-1", "message|msg-1")))
        .isInstanceOfSatisfying(
            GatewayException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.JOURNAL_UNAVAILABLE));
  }

  private static JournalEntry entry(String messageId, String subjectKey) {
    return new JournalEntry(
        messageId,
        "northshire-mh-trust",
        "risk-flag-raised",
        subjectKey,
        "{\"resourceType\":\"Bundle\"}");
  }

  private static String header(ProducerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static Cluster sixPartitions() {
    Node node = new Node(1, "localhost", 9092);
    List<PartitionInfo> partitions =
        IntStream.range(0, PARTITIONS)
            .mapToObj(p -> new PartitionInfo(TOPIC, p, node, new Node[] {node}, new Node[] {node}))
            .toList();
    return new Cluster("test-cluster", List.of(node), partitions, Set.of(), Set.of());
  }
}
