package org.caseway.gateway.scenario;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hl7.fhir.r4.model.Consent.ConsentProvisionType.PERMIT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseway.conformance.MessageEnvelope;
import org.caseway.gateway.identity.IdentityLearner;
import org.caseway.gateway.journal.JournalProperties;
import org.caseway.gateway.journal.JournalRecords;
import org.caseway.gateway.kafka.KafkaBootstrap;
import org.caseway.gateway.policy.scenario.MessageBuilder;
import org.caseway.gateway.simulators.NorthshireSimulators;
import org.caseway.gateway.support.EmbeddedGatewayProperties;
import org.caseway.gateway.support.GatewayClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dead-letter store, worked as the data sharing manager works it: a delivery the trust refuses
 * for good (422) lands there with its reason, is replayed through the admin API once the trust has
 * fixed its side, and is delivered with the same id; a poison message on the journal is set aside
 * with its reason while the message behind it flows; replays and discards are recorded with who and
 * why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DeadLettersIT {

  static final String POLICE = "northshire-police";
  static final String TRUST = "northshire-mh-trust";
  static final String DSM = "northshire-data-sharing-manager";
  static final String TRUST_PATH = "/fhir/$process-message";
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Path DATA_DIR = EmbeddedGatewayProperties.freshDataDir("dead-letters");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final WireMockServer trust = new WireMockServer(options().dynamicPort());

  static {
    trust.start();
  }

  @DynamicPropertySource
  static void trustThatRefuses(DynamicPropertyRegistry registry) {
    EmbeddedGatewayProperties.register(registry, DATA_DIR);
    registry.add("caseway.northshire.mh-trust-fhir-base", () -> trust.baseUrl() + "/fhir");
  }

  @AfterAll
  static void stopTrust() {
    trust.stop();
  }

  @LocalServerPort int port;
  @Autowired IdentityLearner identities;
  @Autowired KafkaBootstrap kafka;
  @Autowired JournalProperties journal;
  @Autowired NorthshireSimulators simulators;
  GatewayClient gateway;

  @BeforeEach
  void connect() {
    gateway = new GatewayClient(port);
    trust.resetAll();
  }

  @Test
  void aPermanentRefusalIsADeadLetterThatAReplayDeliversOnceTheCauseIsFixed() {
    trust.stubFor(post(urlEqualTo(TRUST_PATH)).willReturn(aResponse().withStatus(422)
        .withHeader("Content-Type", "application/fhir+json")
        .withBody("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"invalid\"}]}")));
    Bundle incident = incidentTheTrustMaySee(1);
    accept(incident);

    JsonNode letter = await().atMost(WAIT).until(() -> deadDeliveryTo(TRUST), l -> l != null);
    assertThat(letter.get("reason").asText()).contains("422").contains("not retried");
    assertThat(letter.get("messageId").asText()).isEqualTo(incident.getIdElement().getIdPart());
    String id = letter.get("id").asText();
    assertThat(json(gateway.get("/admin/dead-letters/" + id, dsm())).get("view").asText())
        .as("the DSM can inspect what would be sent").contains("Patient");

    assertThat(gateway.postJson("/admin/dead-letters/" + id + "/$replay", dsm(), "{}").statusCode())
        .as("a replay must say why").isEqualTo(400);
    trust.stubFor(post(urlEqualTo(TRUST_PATH)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/fhir+json").withBody("{\"resourceType\":\"Bundle\",\"type\":\"message\"}")));
    HttpResponse<String> replay = gateway.postJson("/admin/dead-letters/" + id + "/$replay", dsm(),
        "{\"reason\":\"the trust has fixed its profile check\"}");
    assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);

    await().atMost(WAIT).until(() -> trust.findAll(postRequestedFor(urlEqualTo(TRUST_PATH))).size() == 2
        && deliveryCount(TRUST, "DELIVERED") == 1);
    String sent = trust.findAll(postRequestedFor(urlEqualTo(TRUST_PATH))).get(1).getBodyAsString();
    assertThat(GatewayClient.parse(sent, Bundle.class).getIdElement().getIdPart()).as("the same disclosure id")
        .isEqualTo(id);
    JsonNode history = json(gateway.get("/admin/dead-letters/" + id, dsm())).get("history");
    assertThat(history).extracting(e -> e.get("action").asText()).containsExactly("DEAD_LETTERED", "REPLAYED");
    assertThat(history.get(1).get("actor").asText()).contains(DSM);
    assertThat(history.get(1).get("reason").asText()).isEqualTo("the trust has fixed its profile check");
    assertThat(deadDeliveryTo(TRUST)).as("no longer a dead letter").isNull();
  }

  @Test
  void aPoisonMessageIsSetAsideWithItsReasonAndTheMessageBehindItFlows() throws Exception {
    Bundle behind = MessageBuilder.example("incident-reported").fresh()
        .renumber("N0048213", "N0970001").renumber("2013/0456789K", "2013/0970001K").build();
    String key = MessageEnvelope.of(behind).subjectKey();
    String poisonId = "poison-" + UUID.randomUUID();
    journalRaw(key, poisonId, "{\"resourceType\":\"Bundle\",\"id\":\"" + poisonId + "\",\"type\":\"message\"}");
    int councilBefore = simulators.council().notifications().size();

    accept(behind);

    await().atMost(WAIT).until(() -> simulators.council().notifications().size() == councilBefore + 2);
    JsonNode list = json(gateway.get("/admin/dead-letters", dsm()));
    JsonNode poison = find(list.get("messages"), "messageId", poisonId);
    assertThat(poison).isNotNull();
    assertThat(poison.get("reason").asText()).isNotBlank();

    HttpResponse<String> replay = gateway.postJson("/admin/dead-letters/" + poisonId + "/$replay", dsm(),
        "{\"reason\":\"try again after the engine fix\"}");
    assertThat(json(replay).get("outcome").asText()).as("still broken").startsWith("set aside again");
    assertThat(gateway.postJson("/admin/dead-letters/" + poisonId + "/$discard", dsm(),
        "{\"reason\":\"not a Caseway message: written by a test tool\"}").statusCode()).isEqualTo(200);
    assertThat(find(json(gateway.get("/admin/dead-letters", dsm())).get("messages"), "messageId", poisonId)).isNull();
    assertThat(json(gateway.get("/admin/dead-letters/" + poisonId, dsm())).get("history"))
        .extracting(e -> e.get("action").asText())
        .containsExactly("DEAD_LETTERED", "REPLAYED", "DEAD_LETTERED", "DISCARDED");
  }

  @Test
  void aPoisonMessagePolledWithOthersIsSetAsideAndTheOthersOnBothSidesOfItAreDispatched() throws Exception {
    Bundle before = MessageBuilder.example("incident-reported").fresh()
        .renumber("N0048213", "N0970002").renumber("2013/0456789K", "2013/0970002K").build();
    Bundle after = MessageBuilder.example("incident-reported").fresh()
        .renumber("N0048213", "N0970003").renumber("2013/0456789K", "2013/0970003K").build();
    String key = MessageEnvelope.of(before).subjectKey();
    String poisonId = "poison-" + UUID.randomUUID();
    int councilBefore = simulators.council().notifications().size();

    // One key, so one partition, sent together: dispatch polls them as one batch, in this order.
    Map<String, String> together = new LinkedHashMap<>();
    together.put(before.getIdElement().getIdPart(), MessageBuilder.json(before));
    together.put(poisonId, "{\"resourceType\":\"Bundle\",\"id\":\"" + poisonId + "\",\"type\":\"message\"}");
    together.put(after.getIdElement().getIdPart(), MessageBuilder.json(after));
    journalRaw(key, together);

    await().atMost(WAIT).until(() -> simulators.council().notifications().size() == councilBefore + 4);
    assertThat(find(json(gateway.get("/admin/dead-letters", dsm())).get("messages"), "messageId", poisonId))
        .as("the poison message is set aside").isNotNull();
    for (Bundle dispatched : List.of(before, after)) {
      assertThat(find(json(gateway.get("/admin/dead-letters", dsm())).get("messages"), "messageId",
          dispatched.getIdElement().getIdPart())).as("not set aside with it").isNull();
    }
  }

  @Test
  void onlyTheDataSharingManagerWorksTheStoreAndAnUnknownLetterIsNotFound() {
    assertThat(gateway.get("/admin/dead-letters", gateway.token(POLICE)).statusCode()).isEqualTo(403);
    assertThat(gateway.postJson("/admin/dead-letters/no-such-letter/$discard", dsm(), "{\"reason\":\"x\"}").statusCode())
        .isEqualTo(404);
  }

  // ---- the machinery ----

  /** An incident whose suspect has an MH marker, consented, and is known to the trust by NHS number. */
  private Bundle incidentTheTrustMaySee(int n) {
    String nominal = String.format("N0980%03d", n);
    String pnc = String.format("2013/0980%03dK", n);
    Patient known = new Patient();
    known.addIdentifier(new Identifier().setSystem("https://id.pnc.police.uk/person").setValue(pnc));
    known.addIdentifier(new Identifier().setSystem("https://fhir.nhs.uk/Id/nhs-number").setValue("9434765919"));
    Bundle link = new Bundle();
    link.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(known);
    identities.learnFrom(link, "dead-letters-setup-" + n);
    return MessageBuilder.example("incident-reported").fresh()
        .renumber("N0048213", nominal).renumber("2013/0456789K", pnc)
        .consent(nominal, PERMIT).build();
  }

  private void accept(Bundle message) {
    HttpResponse<String> accepted = gateway.processMessage(gateway.token(POLICE), MessageBuilder.json(message));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
  }

  private void journalRaw(String key, String messageId, String body) throws Exception {
    journalRaw(key, Map.of(messageId, body));
  }

  /** Writes records straight to the journal, as accepted messages from the police, sent together. */
  private void journalRaw(String key, Map<String, String> bodiesById) throws Exception {
    Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      List<Future<?>> sent = new ArrayList<>();
      bodiesById.forEach((messageId, body) -> sent.add(producer.send(new ProducerRecord<>(journal.topic(), null, key,
          body, List.of(
              new RecordHeader(JournalRecords.MESSAGE_ID_HEADER, messageId.getBytes(StandardCharsets.UTF_8)),
              new RecordHeader(JournalRecords.SOURCE_HEADER, POLICE.getBytes(StandardCharsets.UTF_8)),
              new RecordHeader(JournalRecords.EVENT_HEADER, "incident-reported".getBytes(StandardCharsets.UTF_8)))))));
      for (Future<?> each : sent) {
        each.get(10, TimeUnit.SECONDS);
      }
    }
  }

  private JsonNode deadDeliveryTo(String recipient) {
    return find(json(gateway.get("/admin/dead-letters?partner=" + recipient, dsm())).get("deliveries"), "recipient",
        recipient);
  }

  private int deliveryCount(String recipient, String state) {
    JsonNode counts = json(gateway.get("/admin/deliveries", dsm())).path(recipient).path(state);
    return counts.isMissingNode() ? 0 : counts.asInt();
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode item : array) {
      if (value.equals(item.path(field).asText())) {
        return item;
      }
    }
    return null;
  }

  private String dsm() {
    return gateway.token(DSM);
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
