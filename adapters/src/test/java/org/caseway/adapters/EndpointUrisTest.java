package org.caseway.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.camel.component.timer.TimerEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The URIs as Camel reads them: every option is one the component knows (a misspelt one fails
 * here, not at the gateway's start) and carries the value the channel's settings say.
 */
class EndpointUrisTest {

  private final DefaultCamelContext camel = new DefaultCamelContext();

  @AfterEach
  void stop() {
    camel.stop();
  }

  @Test
  void theDropFolderTakesOnlyCompleteFilesUnderAMarkerLockInNameOrder() {
    ChannelDefinition channel = new ChannelDefinition("northshire-police", Direction.IN, Map.of("type", "file-drop",
        "directory", "target/drop", "poll-interval", "5s"));

    FileEndpoint endpoint = camel.getEndpoint(EndpointUris.fileDrop(channel), FileEndpoint.class);

    assertThat(endpoint.getInclude()).isEqualTo("(?i).*\\.csv");
    assertThat(endpoint.getDoneFileName()).isEqualTo("${file:name}.done");
    assertThat(endpoint.getReadLock()).isEqualTo("markerFile");
    assertThat(endpoint.getMaxMessagesPerPoll()).isEqualTo(10);
    assertThat(endpoint.isEagerMaxMessagesPerPoll()).isFalse();
    assertThat(endpoint.getDelay()).isEqualTo(5_000);
    assertThat(endpoint.getBackoffErrorThreshold()).isEqualTo(3);
  }

  /** RAW(...) keeps a regular expression's + and & as written. */
  @Test
  void anIncludePatternIsTakenAsWritten() {
    ChannelDefinition channel = new ChannelDefinition("northshire-homes", Direction.IN, Map.of("type", "file-drop",
        "directory", "target/drop", "include", "TENANCY_ROLL_[0-9]+(&|_v2)?\\.csv"));

    assertThat(camel.getEndpoint(EndpointUris.fileDrop(channel), FileEndpoint.class).getInclude())
        .isEqualTo("TENANCY_ROLL_[0-9]+(&|_v2)?\\.csv");
  }

  @Test
  void theFeedTimerTicksAtItsSetting() {
    ChannelDefinition channel = new ChannelDefinition("northshire-council", Direction.IN,
        Map.of("type", "rest-change-feed", "tick", "250ms"));

    TimerEndpoint endpoint = camel.getEndpoint(EndpointUris.feedTimer(channel), TimerEndpoint.class);

    assertThat(endpoint.getPeriod()).isEqualTo(250);
    assertThat(endpoint.getTimerName()).isEqualTo("northshire-council-in-rest-change-feed");
  }

  @Test
  void theInboundTopicIsCommittedByHandAndStopsAtAFailedRecord() {
    KafkaConfiguration kafka = camel.getEndpoint(EndpointUris.kafkaIn("caseway.inbound", "caseway-inbound",
        "broker-1:9092", Map.of("securityProtocol", "SASL_SSL")), KafkaEndpoint.class).getConfiguration();

    assertThat(kafka.getTopic()).isEqualTo("caseway.inbound");
    assertThat(kafka.getBrokers()).isEqualTo("broker-1:9092");
    assertThat(kafka.getGroupId()).isEqualTo("caseway-inbound");
    assertThat(kafka.isAutoCommitEnable()).isFalse();
    assertThat(kafka.isAllowManualCommit()).isTrue();
    assertThat(kafka.isBreakOnFirstError()).isTrue();
    assertThat(kafka.getAutoOffsetReset()).isEqualTo("earliest");
    assertThat(kafka.getSecurityProtocol()).isEqualTo("SASL_SSL");
  }

  @Test
  void theProducerIsIdempotentAwaitsEveryReplicaAndHasTheTimeout() {
    KafkaConfiguration kafka = camel.getEndpoint(EndpointUris.kafkaOut("caseway.outbound.northshire-probation",
        "broker-1:9092", Duration.ofSeconds(15), Map.of()), KafkaEndpoint.class).getConfiguration();

    assertThat(kafka.getRequestRequiredAcks()).isEqualTo("all");
    assertThat(kafka.isEnableIdempotence()).isTrue();
    assertThat(kafka.isSynchronous()).isTrue();
    assertThat(kafka.getRequestTimeoutMs()).isEqualTo(15_000);
    assertThat(kafka.getDeliveryTimeoutMs()).isEqualTo(15_000);
  }

  @Test
  void theOutboundRouteOfAPartnerStartsAtItsDirectEndpoint() {
    assertThat(EndpointUris.outbound("northshire-council")).isEqualTo("direct:caseway-out-northshire-council");
  }
}
