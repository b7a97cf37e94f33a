package org.caseway.conformance.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.northshire.simulators.ProbationSimulator;
import org.caseway.northshire.simulators.TestKafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sender suite reading a topic of a real broker: the probation simulator (the reference
 * message-driven partner) passes at level full, header included; a record whose caseway-partner
 * header names someone else fails.
 */
class SenderSuiteOnKafkaIT {

  @TempDir
  static Path logDir;

  private static TestKafkaBroker broker;
  private static ConformanceKit kit;

  @BeforeAll
  static void start() {
    broker = TestKafkaBroker.start(logDir);
    broker.createTopics(3, ProbationSimulator.INBOUND_TOPIC, "probation.other");
    kit = new ConformanceKit(new CasewayValidator(ImplementationGuide.load()));
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void theProbationSimulatorsMessagesPassAtLevelFull() {
    try (ProbationSimulator probation = ProbationSimulator.start(broker.bootstrapServers())) {
      probation.publishIomCohortSample();
      probation.publish(GuideExamples.text("caseway-ig/examples/Bundle-example-risk-flag-lifted.json"));
    }

    SuiteResult result = kit.run("sender", "kafka://" + broker.bootstrapServers() + "/" + ProbationSimulator.INBOUND_TOPIC,
        KitOptions.defaults().withPartner(ProbationSimulator.PARTNER_ID));

    assertThat(result.passed()).as(Describe.of(result)).isTrue();
    assertThat(result.levelReached()).contains(Level.FULL);
    assertThat(result.tests()).filteredOn(test -> test.name().startsWith("record-names-itself"))
        .hasSize(2)
        .allSatisfy(test -> {
          assertThat(test.outcome()).isEqualTo(Outcome.PASS);
          assertThat(test.name()).matches("record-names-itself \\[caseway\\.inbound/[0-2]@[0-9]+]");
        });
  }

  @Test
  void aRecordWhosePartnerHeaderNamesSomeoneElseFails() {
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        "bootstrap.servers", broker.bootstrapServers(),
        "key.serializer", StringSerializer.class.getName(),
        "value.serializer", StringSerializer.class.getName()))) {
      ProducerRecord<String, String> record = new ProducerRecord<>("probation.other",
          GuideExamples.text("caseway-ig/examples/Bundle-example-iom-cohort-changed.json"));
      record.headers().add(ProbationSimulator.PARTNER_HEADER, "northshire-police".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      producer.send(record);
    }

    SuiteResult result = kit.run("sender", "kafka://" + broker.bootstrapServers() + "/probation.other",
        KitOptions.defaults().withPartner(ProbationSimulator.PARTNER_ID).withLevel(Level.CORE));

    assertThat(result.passed()).isFalse();
    List<TestResult> header = result.tests().stream().filter(test -> test.name().startsWith("record-names-itself")).toList();
    assertThat(header).singleElement().satisfies(test -> assertThat(test.reason()).hasValue(
        "The record header caseway-partner names the partner under test: header caseway-partner is 'northshire-police' "
            + "where 'northshire-probation' was expected"));
  }
}
