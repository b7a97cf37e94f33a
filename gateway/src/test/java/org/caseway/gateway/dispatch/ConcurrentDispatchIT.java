package org.caseway.gateway.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.caseway.conformance.MessageEnvelope;
import org.caseway.gateway.kafka.KafkaBootstrap;
import org.caseway.gateway.support.AcceptingTrust;
import org.caseway.gateway.support.EmbeddedGatewayProperties;
import org.caseway.gateway.support.FixedViewPolicyEngine;
import org.caseway.gateway.support.GatewayClient;
import org.caseway.gateway.support.JournalReader;
import org.caseway.gateway.support.Messages;
import org.caseway.gateway.support.OutboxState;
import org.caseway.gateway.support.Together;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Dispatch with two consumers, taking a backlog of a few hundred incidents about eight people who
 * overlap (accepted while dispatch was stopped): each
 * incident is keyed by its lead person and names the next two, who lead incidents on other
 * partitions, so the two consumers learn about the same people at once. Every message must be
 * recorded once, every delivery must reach probation (Kafka) and the trust (WireMock) once and in
 * the order its person's messages were accepted, and the record of disclosures must still verify.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FixedViewPolicyEngine.InPlaceOfTheAgreements.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ConcurrentDispatchIT {

  private static final Logger log = LoggerFactory.getLogger(ConcurrentDispatchIT.class);

  static final String POLICE = "northshire-police";
  static final String PROBATION = "northshire-probation";
  static final String DSM = "northshire-data-sharing-manager";
  static final String PROBATION_TOPIC = "caseway.outbound.northshire-probation";
  static final int PEOPLE = 8;
  static final int SENDERS = 4;
  static final int MESSAGES = 240;

  private static final Path DATA_DIR = EmbeddedGatewayProperties.freshDataDir("concurrent-dispatch");
  private static final WireMockServer trust = AcceptingTrust.start();

  @DynamicPropertySource
  static void embeddedDefault(DynamicPropertyRegistry registry) {
    EmbeddedGatewayProperties.register(registry, DATA_DIR);
    registry.add("caseway.northshire.mh-trust-fhir-base", () -> AcceptingTrust.fhirBase(trust));
    registry.add("caseway.delivery.retry-backoff", () -> "50ms");
    registry.add("caseway.dispatch.consumers", () -> "2");
  }

  @AfterAll
  static void stopTrust() {
    trust.stop();
  }

  @LocalServerPort int port;
  @Autowired KafkaBootstrap kafka;
  @Autowired JdbcClient jdbc;
  @Autowired CamelContext camel;

  @Test
  void overlappingPeopleDispatchedByTwoConsumersAreRecordedOnceAndDeliveredInOrderPerPerson() throws Exception {
    GatewayClient gateway = new GatewayClient(port);
    String token = gateway.token(POLICE);
    Map<String, List<String>> acceptedPerPerson = new ConcurrentHashMap<>();
    // Dispatch waits while the messages are accepted, then takes the whole backlog: both consumers
    // busy at once from the first record to the last, as when dispatch lags behind accept.
    camel.getRouteController().stopRoute(JournalDispatchRoute.ROUTE_ID);

    // Each sender owns some people and sends their messages one after the other: the order
    // accepted, per person, is the order each sender got its 200s.
    Together.run(IntStream.range(0, SENDERS).<Runnable>mapToObj(sender -> () -> {
      for (int i = sender; i < MESSAGES; i += SENDERS) {
        Bundle message = incident(i % PEOPLE);
        HttpResponse<String> accepted = gateway.processMessage(token, Messages.json(message));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        acceptedPerPerson.computeIfAbsent(MessageEnvelope.of(message).subjectKey(), k -> new ArrayList<>())
            .add(message.getIdElement().getIdPart());
      }
    }).toArray(Runnable[]::new));
    long started = System.nanoTime();
    camel.getRouteController().startRoute(JournalDispatchRoute.ROUTE_ID);

    await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
        .failFast(() -> assertThat(poisoned()).isZero())
        .untilAsserted(() -> assertThat(delivered()).as(OutboxState.describe(jdbc)).isEqualTo(2 * MESSAGES));
    log.info("A backlog of {} accepted messages dispatched and delivered to two recipients in {} ms", MESSAGES,
        (System.nanoTime() - started) / 1_000_000);

    assertEveryMessageRecordedOnce();
    assertThat(inOrderPerPerson(probationReceived())).as("probation, per person")
        .isEqualTo(new LinkedHashMap<>(acceptedPerPerson));
    assertThat(inOrderPerPerson(trustReceived())).as("the trust, per person")
        .isEqualTo(new LinkedHashMap<>(acceptedPerPerson));
    HttpResponse<String> verify = gateway.get("/admin/disclosures/$verify", gateway.token(DSM));
    assertThat(verify.body()).contains("\"intact\":true");
    assertThat(partitionsPerDispatchConsumer()).as("two consumers in the group, each with its own partitions")
        .hasSize(2).allSatisfy(partitions -> assertThat(partitions).isPositive());
  }

  private List<Integer> partitionsPerDispatchConsumer() throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      return admin.describeConsumerGroups(List.of("caseway-dispatch")).all().get(30, TimeUnit.SECONDS)
          .get("caseway-dispatch").members().stream()
          .map(member -> member.assignment().topicPartitions().size()).toList();
    }
  }

  /** Incident {@code n}: led by person {@code lead}, naming the next two people. */
  private static Bundle incident(int lead) {
    String json = Messages.json(Messages.example("Bundle-example-incident-reported"))
        .replace("2013/0456789K", "2013/04567" + String.format("%02d", lead) + "K")
        .replace("N0048213", nominal(lead))
        .replace("N0051120", nominal((lead + 1) % PEOPLE))
        .replace("N0051121", nominal((lead + 2) % PEOPLE));
    return GatewayClient.parse(json, Bundle.class);
  }

  private static String nominal(int person) {
    return "N00900" + String.format("%02d", person);
  }

  private void assertEveryMessageRecordedOnce() {
    List<Integer> rowsPerMessage = jdbc.sql("SELECT COUNT(*) FROM disclosure_record GROUP BY message_id")
        .query(Integer.class).list();
    assertThat(rowsPerMessage).hasSize(MESSAGES);
    assertThat(rowsPerMessage).as("the same decisions for each, recorded once").containsOnly(rowsPerMessage.get(0));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM disclosure_record WHERE kind = 'DISCLOSED' AND recipient_partner = ?")
        .param(PROBATION).query(Integer.class).single()).isEqualTo(MESSAGES);
  }

  /** (person, message id) as each arrived at probation, in topic order (one person, one partition). */
  private List<Map.Entry<String, String>> probationReceived() {
    return new JournalReader(kafka.bootstrapServers(), PROBATION_TOPIC).readAll().stream()
        .filter(r -> r.value().contains(FixedViewPolicyEngine.MARKER_SYSTEM))
        .map(r -> Map.entry(r.key(), disclosed(r.value())))
        .toList();
  }

  /** (person, message id) as each arrived at the trust, in the order WireMock received them. */
  private List<Map.Entry<String, String>> trustReceived() {
    return trust.findAll(postRequestedFor(urlEqualTo(AcceptingTrust.PATH))).stream()
        .map(request -> {
          String messageId = disclosed(request.getBodyAsString());
          return Map.entry(subjectKeyOf(messageId), messageId);
        })
        .toList();
  }

  private String subjectKeyOf(String messageId) {
    return jdbc.sql("SELECT subject_key FROM delivery WHERE message_id = ? AND recipient_partner = 'northshire-mh-trust'")
        .param(messageId).query(String.class).single();
  }

  private static String disclosed(String viewJson) {
    return GatewayClient.parse(viewJson, Bundle.class).getIdentifier().getValue();
  }

  private static Map<String, List<String>> inOrderPerPerson(List<Map.Entry<String, String>> received) {
    return received.stream().collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
  }

  private int delivered() {
    return jdbc.sql("SELECT COUNT(*) FROM delivery WHERE state = 'DELIVERED'").query(Integer.class).single();
  }

  private int poisoned() {
    return jdbc.sql("SELECT COUNT(*) FROM poison_message").query(Integer.class).single();
  }
}
