package org.caseway.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.caseway.adapters.AdapterServices;
import org.caseway.adapters.ChannelDefinition;
import org.caseway.adapters.Direction;
import org.caseway.adapters.EndpointUris;
import org.caseway.adapters.PartnerChannelRoutes;
import org.caseway.adapters.outbound.OutboundMessage;
import org.caseway.adapters.support.FakeIntake;
import org.caseway.adapters.support.InMemoryFeedStateStore;
import org.caseway.mappings.Mappings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two Kafka templates with their Kafka endpoints advised away (no broker: the gateway's ITs run
 * Kafka end to end): what reaches the topic, what is acknowledged, and that every record is committed.
 */
class KafkaChannelRoutesTest {

  private static final String BUNDLE = "{\"resourceType\":\"Bundle\",\"id\":\"probation-msg-1\",\"type\":\"message\"}";

  private final FakeIntake intake = new FakeIntake();
  private final AtomicInteger commits = new AtomicInteger();
  private final KafkaManualCommit commit = commits::incrementAndGet;
  private DefaultCamelContext camel;

  @BeforeEach
  void startRoutes() throws Exception {
    List<ChannelDefinition> channels = List.of(
        new ChannelDefinition("northshire-probation", Direction.IN, Map.of("type", "kafka", "topic", "caseway.inbound")),
        new ChannelDefinition("northshire-probation", Direction.OUT, Map.of("type", "kafka",
            "topic", "caseway.outbound.northshire-probation")));
    AdapterServices services = new AdapterServices(Mappings.onClasspath(), intake, Map.of(),
        new InMemoryFeedStateStore(), partner -> true, HttpClient.newHttpClient(), Clock.systemUTC(),
        "localhost:9092", Map.of());
    PartnerChannelRoutes routes = new PartnerChannelRoutes(channels, services);
    camel = new DefaultCamelContext();
    camel.addRoutes(routes);
    camel.addTemplatedRoutes(routes);
    AdviceWith.adviceWith(camel, "northshire-probation-out-kafka",
        route -> route.weaveById("publish").replace().to("mock:probation-topic"));
    AdviceWith.adviceWith(camel, "kafka-in-caseway.inbound", route -> {
      route.replaceFromWith("direct:caseway-inbound");
      route.weaveById("publish-acknowledgement").replace().to("mock:acks");
    });
    camel.start();
  }

  @AfterEach
  void stopRoutes() {
    camel.stop();
  }

  @Test
  void anOutboundMessageIsPublishedKeyedBySubjectWithTheDocumentedHeaders() throws Exception {
    MockEndpoint topic = camel.getEndpoint("mock:probation-topic", MockEndpoint.class);
    topic.expectedMessageCount(1);

    camel.createProducerTemplate().requestBodyAndHeader(EndpointUris.outbound("northshire-probation"),
        new OutboundMessage("disclosure-42", "northshire-probation", "incident-reported", "IOM", "ISA-IOM|1",
            "subject-7f3a", BUNDLE, Map.of()),
        KafkaConstants.OVERRIDE_TOPIC, "caseway.outbound.someone-else");

    topic.assertIsSatisfied();
    assertThat(topic.getExchanges().get(0).getIn().getHeaders()).containsOnlyKeys(KafkaConstants.KEY,
        "caseway-message-id", "caseway-event", "caseway-purpose", "caseway-agreement");
    assertThat(topic.getExchanges().get(0).getIn().getHeader(KafkaConstants.KEY)).isEqualTo("subject-7f3a");
    assertThat(topic.getExchanges().get(0).getIn().getBody()).isEqualTo(BUNDLE);
  }

  @Test
  void aRecordIsAcknowledgedOnItsPartnersAcksTopicAndThenCommitted() throws Exception {
    MockEndpoint acks = camel.getEndpoint("mock:acks", MockEndpoint.class);
    acks.expectedMessageCount(1);
    acks.expectedHeaderReceived(KafkaConstants.OVERRIDE_TOPIC, "caseway.acks.northshire-probation");
    acks.expectedHeaderReceived(KafkaConstants.KEY, "probation-msg-1");

    record("northshire-probation");

    acks.assertIsSatisfied();
    assertThat(intake.accepted()).hasSize(1);
    assertThat(commits).hasValue(1);
  }

  /** Only probation may write its topic (the broker's ACL), so a record there is probation's. */
  @Test
  void aRecordNamingAnotherPartnerOnProbationsOwnTopicIsTakenAsProbationsAnsweredToProbationAndCommitted()
      throws Exception {
    MockEndpoint acks = camel.getEndpoint("mock:acks", MockEndpoint.class);
    acks.expectedMessageCount(1);
    acks.expectedHeaderReceived(KafkaConstants.OVERRIDE_TOPIC, "caseway.acks.northshire-probation");

    record("northshire-police");

    acks.assertIsSatisfied();
    assertThat(intake.accepted()).extracting(FakeIntake.Submission::partnerId).containsExactly("northshire-probation");
    assertThat(commits).hasValue(1);
  }

  private void record(String partner) {
    camel.createProducerTemplate().sendBodyAndHeaders("direct:caseway-inbound", BUNDLE,
        Map.of("caseway-partner", partner, KafkaConstants.MANUAL_COMMIT, commit, KafkaConstants.OFFSET, 7L));
  }
}
