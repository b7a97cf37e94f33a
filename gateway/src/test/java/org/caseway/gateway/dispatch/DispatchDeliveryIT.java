package org.caseway.gateway.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseway.conformance.MessageEnvelope;
import org.caseway.gateway.journal.JournalProperties;
import org.caseway.gateway.journal.JournalRecords;
import org.caseway.gateway.kafka.KafkaBootstrap;
import org.caseway.gateway.support.AcceptingTrust;
import org.caseway.gateway.support.EmbeddedGatewayProperties;
import org.caseway.gateway.support.FixedViewPolicyEngine;
import org.caseway.gateway.support.GatewayClient;
import org.caseway.gateway.support.JournalReader;
import org.caseway.gateway.support.Messages;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Accepted messages through dispatch to the canonical partners, on the embedded default with a
 * fixed-view engine: probation's Kafka topic, the trust's FHIR server (WireMock), the record of
 * disclosures; a suspended partner gets nothing; probation's own messages on Kafka are accepted and
 * acknowledged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FixedViewPolicyEngine.InPlaceOfTheAgreements.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DispatchDeliveryIT {

  static final String POLICE = "northshire-police";
  static final String PROBATION = "northshire-probation";
  static final String DSM = "northshire-data-sharing-manager";
  static final String PROBATION_TOPIC = "caseway.outbound.northshire-probation";
  static final String PROBATION_ACKS = "caseway.acks.northshire-probation";
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static final Path DATA_DIR = EmbeddedGatewayProperties.freshDataDir("dispatch-delivery");
  private static final WireMockServer trust = AcceptingTrust.start();

  @DynamicPropertySource
  static void embeddedDefault(DynamicPropertyRegistry registry) {
    EmbeddedGatewayProperties.register(registry, DATA_DIR);
    registry.add("caseway.northshire.mh-trust-fhir-base", () -> AcceptingTrust.fhirBase(trust));
    registry.add("caseway.delivery.retry-backoff", () -> "50ms");
  }

  @AfterAll
  static void stopTrust() {
    trust.stop();
  }

  @LocalServerPort int port;
  @Autowired KafkaBootstrap kafka;
  @Autowired JournalProperties journal;
  @Autowired JdbcClient jdbc;

  GatewayClient gateway;

  @BeforeEach
  void connect() {
    gateway = new GatewayClient(port);
  }

  @Test
  void deliversAnAcceptedMessageToProbationOnKafkaAndToTheTrustAndRecordsIt() {
    Bundle message = Messages.example("Bundle-example-incident-reported");
    String messageId = message.getIdElement().getIdPart();
    String subjectKey = MessageEnvelope.of(message).subjectKey();

    assertThat(gateway.processMessage(gateway.token(POLICE), Messages.json(message)).statusCode()).isEqualTo(200);

    ConsumerRecord<String, String> delivered = await().atMost(WAIT).until(() -> probationRecordOf(messageId), r -> r != null);
    assertThat(delivered.key()).isEqualTo(subjectKey);
    assertThat(JournalReader.header(delivered, "caseway-event")).isEqualTo("incident-reported");
    assertThat(JournalReader.header(delivered, "caseway-purpose")).isEqualTo("IOM");
    assertThat(JournalReader.header(delivered, "caseway-agreement")).isEqualTo("ISA-TEST|3");
    String disclosureId = JournalReader.header(delivered, JournalRecords.MESSAGE_ID_HEADER);
    assertThat(disclosureId).isNotEqualTo(messageId);

    await().atMost(WAIT).untilAsserted(() -> trust.verify(postRequestedFor(urlEqualTo(AcceptingTrust.PATH))
        .withHeader("Content-Type", containing("application/fhir+json"))
        .withRequestBody(containing(messageId))));

    assertThat(ledgerRows(messageId))
        .contains(List.of("DISCLOSED", PROBATION, disclosureId), List.of("WITHHELD", "northshire-council", "-"));
    assertThat(ledgerRows(messageId)).noneMatch(row -> row.get(1).equals(POLICE));
    assertVerifies();
    String person = URLEncoder.encode(subjectKey, StandardCharsets.UTF_8);
    HttpResponse<String> access = gateway.get("/admin/disclosures?identifier=" + person, gateway.token(DSM));
    assertThat(access.statusCode()).isEqualTo(200);
    assertThat(access.body()).contains(messageId).contains(disclosureId);

    // Dispatch learnt that the police nominal and the PNC id on one Patient are one person.
    String nominal = URLEncoder.encode("https://id.northshire.police.uk/nominal|N0048213", StandardCharsets.UTF_8);
    HttpResponse<String> links = gateway.get("/admin/identity/links?identifier=" + nominal, gateway.token(DSM));
    assertThat(links.statusCode()).isEqualTo(200);
    // The link's source is the first message that showed it (another test may have sent one).
    assertThat(links.body()).contains("SAME_PATIENT_RECORD").contains("2013/0456789K").contains("message:");
    assertThat(gateway.get("/admin/identity/reviews", gateway.token(DSM)).statusCode()).isEqualTo(200);
  }

  @Test
  void aRecipientThatIsDownIsRetriedWithTheSameIdUntilItRecoversAndHoldsUpNoOtherRecipient() {
    Bundle message = Messages.example("Bundle-example-incident-reported");
    String messageId = message.getIdElement().getIdPart();
    String state = com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
    for (int i = 1; i <= 4; i++) {
      trust.stubFor(post(urlEqualTo(AcceptingTrust.PATH)).atPriority(1)
          .withRequestBody(containing(messageId))
          .inScenario(messageId).whenScenarioStateIs(state).willSetStateTo("failed-" + i)
          .willReturn(aResponse().withStatus(503)));
      state = "failed-" + i;
    }

    assertThat(gateway.processMessage(gateway.token(POLICE), Messages.json(message)).statusCode()).isEqualTo(200);

    await().atMost(WAIT).until(() -> probationRecordsOf(messageId).size() == 1);
    await().atMost(WAIT).untilAsserted(() -> assertThat(trust.findAll(postRequestedFor(urlEqualTo(AcceptingTrust.PATH))
        .withRequestBody(containing(messageId)))).hasSize(5));
    List<String> sentIds = trust.findAll(postRequestedFor(urlEqualTo(AcceptingTrust.PATH)).withRequestBody(containing(messageId)))
        .stream().map(request -> GatewayClient.parse(request.getBodyAsString(), Bundle.class).getIdElement().getIdPart())
        .distinct().toList();
    assertThat(sentIds).as("every attempt carries the same disclosure id, for the trust to take it once").hasSize(1);
    assertThat(probationRecordsOf(messageId)).as("probation got it once, while the trust was down").hasSize(1);
    assertThat(ledgerRows(messageId)).hasSize(4);
    assertVerifies();
  }


  @Test
  void aSuspendedPartnerGetsNothingItsTokenIsRefusedAndTheRecordSaysWhy() throws Exception {
    String dsm = gateway.token(DSM);
    String probationToken = gateway.token(PROBATION);
    assertThat(gateway.postJson("/admin/partners/" + PROBATION + "/$suspend", dsm, "{}").statusCode()).isEqualTo(400);
    assertThat(gateway.postJson("/admin/partners/" + PROBATION + "/$suspend", dsm,
        "{\"reason\":\"audit of IOM access\"}").statusCode()).isEqualTo(200);
    try {
      Bundle message = Messages.example("Bundle-example-incident-reported");
      String messageId = message.getIdElement().getIdPart();
      assertThat(gateway.processMessage(gateway.token(POLICE), Messages.json(message)).statusCode()).isEqualTo(200);

      await().atMost(WAIT).until(() -> ledgerRows(messageId).size() >= 4);
      assertThat(ledgerRows(messageId))
          .contains(List.of("WITHHELD", PROBATION, "-"))
          .doesNotContain(List.of("DISCLOSED", PROBATION, "-"));
      assertThat(jdbc.sql("SELECT reason_code FROM disclosure_record WHERE message_id = ? AND recipient_partner = ?")
          .params(messageId, PROBATION).query(String.class).list()).containsExactly("PARTNER_NOT_ACTIVE");
      // The trust comes after probation in the registry: once it has the message, dispatch is done.
      await().atMost(WAIT).untilAsserted(() -> trust.verify(postRequestedFor(urlEqualTo(AcceptingTrust.PATH))
          .withRequestBody(containing(messageId))));
      assertThat(probationRecordOf(messageId)).isNull();

      HttpResponse<String> refused =
          gateway.processMessage(probationToken, Messages.json(Messages.example("Bundle-example-iom-cohort-changed")));
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).contains("PARTNER_NOT_ACTIVE").contains("suspended");

      // ... and on its Kafka channel too: refused with a fatal-error acknowledgement.
      Bundle onKafka = Messages.example("Bundle-example-iom-cohort-changed");
      publishInbound(PROBATION, Messages.json(onKafka));
      await().atMost(WAIT).until(() -> acksFor(Messages.headerId(onKafka)).size() == 1);
      assertThat(Messages.header(acksFor(Messages.headerId(onKafka)).get(0)).getResponse().getCode())
          .isEqualTo(MessageHeader.ResponseType.FATALERROR);
      assertThat(new JournalReader(kafka.bootstrapServers(), journal.topic())
          .recordsOf(onKafka.getIdElement().getIdPart())).isEmpty();
    } finally {
      assertThat(gateway.postJson("/admin/partners/" + PROBATION + "/$reinstate", dsm,
          "{\"reason\":\"audit closed\"}").statusCode()).isEqualTo(200);
    }
    HttpResponse<String> detail = gateway.get("/admin/partners/" + PROBATION, dsm);
    assertThat(detail.body()).contains("\"status\":\"ACTIVE\"").contains("audit of IOM access")
        .contains("\"from\":\"ACTIVE\",\"to\":\"SUSPENDED\"").contains(DSM);
    assertVerifies();
  }

  @Test
  void withdrawalIsFinal() {
    String dsm = gateway.token(DSM);
    assertThat(gateway.postJson("/admin/partners/northshire-housing/$withdraw", dsm,
        "{\"reason\":\"left the partnership\"}").statusCode()).isEqualTo(200);

    HttpResponse<String> reinstate = gateway.postJson("/admin/partners/northshire-housing/$reinstate", dsm,
        "{\"reason\":\"changed our minds\"}");

    assertThat(reinstate.statusCode()).isEqualTo(409);
    assertThat(reinstate.body()).contains("STATUS_CHANGE_NOT_ALLOWED").contains("final");
    assertThat(gateway.get("/admin/partners", dsm).body()).contains("\"id\":\"northshire-housing\",\"name\":\"Northshire Homes\",\"status\":\"WITHDRAWN\"");
    assertThat(gateway.get("/admin/partners", gateway.token(POLICE)).statusCode()).isEqualTo(403);
  }

  @Test
  void acceptsAndAcknowledgesProbationsOwnMessagesOnKafkaOnce() throws Exception {
    Bundle message = Messages.example("Bundle-example-iom-cohort-changed");
    String messageId = message.getIdElement().getIdPart();
    String headerId = Messages.headerId(message);

    publishInbound(PROBATION, Messages.json(message));
    publishInbound(PROBATION, Messages.json(message));

    await().atMost(WAIT).until(() -> acksFor(headerId).size() == 2);
    assertThat(acksFor(headerId)).allSatisfy(ack ->
        assertThat(Messages.header(ack).getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.OK));
    assertThat(new JournalReader(kafka.bootstrapServers(), journal.topic()).recordsOf(messageId)).hasSize(1);
  }

  @Test
  void refusesAnInboundMessageWhoseSourceIsNotTheSenderWithAFatalErrorAck() throws Exception {
    Bundle fromPolice = Messages.example("Bundle-example-incident-reported");
    String headerId = Messages.headerId(fromPolice);

    publishInbound(PROBATION, Messages.json(fromPolice));

    await().atMost(WAIT).until(() -> acksFor(headerId).size() == 1);
    MessageHeader ack = Messages.header(acksFor(headerId).get(0));
    assertThat(ack.getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.FATALERROR);
    assertThat(new JournalReader(kafka.bootstrapServers(), journal.topic())
        .recordsOf(fromPolice.getIdElement().getIdPart())).isEmpty();
  }

  private void publishInbound(String partner, String json) throws Exception {
    Map<String, Object> config = Map.of("bootstrap.servers", kafka.bootstrapServers(),
        "key.serializer", StringSerializer.class, "value.serializer", StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      producer.send(new ProducerRecord<String, String>("caseway.inbound", null, (String) null, json,
          List.<org.apache.kafka.common.header.Header>of(new RecordHeader("caseway-partner", partner.getBytes(StandardCharsets.UTF_8))))).get();
    }
  }

  private List<Bundle> acksFor(String headerId) {
    return new JournalReader(kafka.bootstrapServers(), PROBATION_ACKS).readAll().stream()
        .map(r -> GatewayClientParsing.bundle(r.value()))
        .filter(b -> headerId.equals(Messages.header(b).getResponse().getIdentifier()))
        .toList();
  }

  private ConsumerRecord<String, String> probationRecordOf(String messageId) {
    return probationRecordsOf(messageId).stream().findFirst().orElse(null);
  }

  private List<ConsumerRecord<String, String>> probationRecordsOf(String messageId) {
    return new JournalReader(kafka.bootstrapServers(), PROBATION_TOPIC).readAll().stream()
        .filter(r -> r.value().contains(FixedViewPolicyEngine.MARKER_SYSTEM) && r.value().contains(messageId))
        .toList();
  }

  private List<List<String>> ledgerRows(String messageId) {
    return jdbc.sql("SELECT kind, recipient_partner, disclosure_id FROM disclosure_record WHERE message_id = ? ORDER BY seq")
        .param(messageId)
        .query((row, n) -> List.of(row.getString(1), row.getString(2),
            row.getString(3) == null ? "-" : row.getString(3)))
        .list();
  }

  private void assertVerifies() {
    HttpResponse<String> verify = gateway.get("/admin/disclosures/$verify", gateway.token(DSM));
    assertThat(verify.statusCode()).isEqualTo(200);
    assertThat(verify.body()).contains("\"intact\":true");
  }

  /** Parses FHIR JSON read from Kafka. */
  static final class GatewayClientParsing {
    static Bundle bundle(String json) {
      return org.caseway.conformance.ImplementationGuide.load().fhirContext().newJsonParser()
          .parseResource(Bundle.class, json);
    }
  }
}
