package org.caseway.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.caseway.adapters.support.FakeIntake;
import org.junit.jupiter.api.Test;

/** probation-kafka.md, into Caseway: accepted as the partner the header names, answered on its acks topic. */
class KafkaInAcknowledgerTest {

  private static final String BUNDLE = "{\"resourceType\":\"Bundle\",\"id\":\"probation-msg-1\",\"type\":\"message\"}";

  private final FakeIntake intake = new FakeIntake();
  private final KafkaManualCommit commit = () -> { };
  private final KafkaInAcknowledger acknowledger = new KafkaInAcknowledger("caseway.inbound",
      Map.of("northshire-probation", "caseway.acks.northshire-probation", "northshire-yot", "yot.acks"), intake);

  @Test
  void theRecordIsTakenAsItsPartnerAndBecomesTheAcknowledgementWithOnlyTheCommitHandleLeft() {
    Exchange exchange = record("northshire-probation");

    acknowledger.process(exchange);

    assertThat(intake.accepted()).singleElement().satisfies(submission -> {
      assertThat(submission.partnerId()).isEqualTo("northshire-probation");
      assertThat(submission.json()).isEqualTo(BUNDLE);
    });
    assertThat(exchange.getIn().getHeaders()).containsExactlyInAnyOrderEntriesOf(Map.of(
        KafkaConstants.MANUAL_COMMIT, commit,
        KafkaConstants.OVERRIDE_TOPIC, "caseway.acks.northshire-probation",
        KafkaConstants.KEY, "probation-msg-1",
        "caseway-message-id", "ack-probation-msg-1"));
    assertThat(exchange.getIn().getBody()).isEqualTo("{\"ack\":\"probation-msg-1\"}");
  }

  @Test
  void eachPartnerOnTheTopicIsAnsweredOnItsOwnAcksTopic() {
    Exchange exchange = record("northshire-yot");

    acknowledger.process(exchange);

    assertThat(exchange.getIn().getHeader(KafkaConstants.OVERRIDE_TOPIC)).isEqualTo("yot.acks");
  }

  /** Camel Kafka hands record headers over as bytes unless told otherwise. */
  @Test
  void aPartnerHeaderGivenAsBytesIsRead() {
    Exchange exchange = record(null);
    exchange.getIn().setHeader("caseway-partner", "northshire-probation".getBytes(StandardCharsets.UTF_8));

    acknowledger.process(exchange);

    assertThat(intake.accepted()).singleElement()
        .satisfies(submission -> assertThat(submission.partnerId()).isEqualTo("northshire-probation"));
    assertThat(exchange.getIn().getHeader(KafkaInAcknowledger.SKIP_HEADER)).isNull();
  }

  @Test
  void aRecordFromAPartnerWithoutAKafkaInChannelOnTheTopicIsSkippedUnanswered() {
    Exchange exchange = record("northshire-police");

    acknowledger.process(exchange);

    assertThat(intake.attempts()).isEmpty();
    assertThat(exchange.getIn().getHeader(KafkaInAcknowledger.SKIP_HEADER)).isEqualTo(true);
    assertThat(exchange.getIn().getHeader(KafkaConstants.OVERRIDE_TOPIC)).isNull();
    assertThat(exchange.getIn().getHeader(KafkaConstants.MANUAL_COMMIT)).isSameAs(commit);
    assertThat(exchange.getIn().getBody()).isEqualTo(BUNDLE);
  }

  @Test
  void aRecordWithoutAPartnerHeaderIsSkippedUnanswered() {
    Exchange exchange = record(null);

    acknowledger.process(exchange);

    assertThat(intake.attempts()).isEmpty();
    assertThat(exchange.getIn().getHeader(KafkaInAcknowledger.SKIP_HEADER)).isEqualTo(true);
  }

  @Test
  void onATopicOnlyOnePartnerMayWriteEveryRecordIsThatPartnersWhateverTheHeaderSays() {
    KafkaInAcknowledger probationsOwn = new KafkaInAcknowledger("caseway.inbound",
        Map.of("northshire-probation", "caseway.acks.northshire-probation"), intake);
    Exchange posingAsPolice = record("northshire-police");
    Exchange withoutHeader = record(null);

    probationsOwn.process(posingAsPolice);
    probationsOwn.process(withoutHeader);

    assertThat(intake.accepted()).extracting(FakeIntake.Submission::partnerId)
        .containsExactly("northshire-probation", "northshire-probation");
    assertThat(posingAsPolice.getIn().getHeader(KafkaConstants.OVERRIDE_TOPIC))
        .as("answered to the topic's partner, never to the one the header names")
        .isEqualTo("caseway.acks.northshire-probation");
  }

  @Test
  void theAllowedPartnersAreThoseWithAnAcksTopic() {
    assertThat(acknowledger.partners()).containsExactlyInAnyOrder("northshire-probation", "northshire-yot");
  }

  @Test
  void commitOffsetCommitsTheRecordItCameFromAndInsistsOnManualCommit() {
    AtomicInteger commits = new AtomicInteger();
    Exchange exchange = new DefaultExchange(new DefaultCamelContext());
    exchange.getIn().setHeader(KafkaConstants.MANUAL_COMMIT, (KafkaManualCommit) commits::incrementAndGet);

    new CommitOffset().process(exchange);
    assertThat(commits).hasValue(1);

    Exchange without = new DefaultExchange(new DefaultCamelContext());
    assertThatThrownBy(() -> new CommitOffset().process(without))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("allowManualCommit=true");
  }

  private Exchange record(String partner) {
    Exchange exchange = new DefaultExchange(new DefaultCamelContext());
    exchange.getIn().setBody(BUNDLE);
    exchange.getIn().setHeader(KafkaConstants.TOPIC, "caseway.inbound");
    exchange.getIn().setHeader(KafkaConstants.PARTITION, 0);
    exchange.getIn().setHeader(KafkaConstants.OFFSET, 41L);
    exchange.getIn().setHeader(KafkaConstants.KEY, "crn-X123456");
    exchange.getIn().setHeader(KafkaConstants.MANUAL_COMMIT, commit);
    exchange.getIn().setHeader("traceparent", "00-abc-def-01");
    if (partner != null) {
      exchange.getIn().setHeader("caseway-partner", partner);
    }
    return exchange;
  }
}
