package org.caseway.gateway.scenario;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hl7.fhir.r4.model.Consent.ConsentProvisionType.DENY;
import static org.hl7.fhir.r4.model.Consent.ConsentProvisionType.PERMIT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.identity.IdentityLearner;
import org.caseway.gateway.kafka.KafkaBootstrap;
import org.caseway.gateway.policy.scenario.MessageBuilder;
import org.caseway.gateway.policy.scenario.ViewReader;
import org.caseway.gateway.support.AcceptingTrust;
import org.caseway.gateway.support.EmbeddedGatewayProperties;
import org.caseway.gateway.support.GatewayClient;
import org.caseway.gateway.support.JournalReader;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * agreements.md through the whole gateway with the real agreements and engine: canonical messages
 * in at {@code $process-message}, the actual deliveries observed on each recipient's Kafka topic and
 * at the trust's FHIR endpoint (WireMock), what was withheld read from the record of disclosures,
 * and {@code $explain} asked about every recipient of every message: its views must be, id for id
 * and entry for entry, what was delivered. (Every rule is also covered, case by case and faster, by
 * the engine's scenario tests in {@code policy.scenario}.)
 *
 * <p>Each test uses people of its own (renumbered identifiers), since identity links persist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AgreementsDeliveryIT {

  static final String POLICE = "northshire-police";
  static final String COUNCIL = "northshire-council";
  static final String HOUSING = "northshire-housing";
  static final String PROBATION = "northshire-probation";
  static final String MH_TRUST = "northshire-mh-trust";
  static final String DSM = "northshire-data-sharing-manager";
  static final List<String> PARTNERS = List.of(POLICE, COUNCIL, HOUSING, PROBATION, MH_TRUST);
  static final Map<String, String> TOPICS = Map.of(
      POLICE, "caseway.outbound.northshire-police",
      COUNCIL, "test.outbound.northshire-council",
      HOUSING, "test.outbound.northshire-housing",
      PROBATION, "caseway.outbound.northshire-probation");

  static final String NOMINAL = "https://id.northshire.police.uk/nominal";
  static final String PNC = "https://id.pnc.police.uk/person";
  static final String TENANCY = "https://id.northshirehomes.org.uk/tenancy";
  static final String NHS = "https://fhir.nhs.uk/Id/nhs-number";
  static final String CRN = "https://id.probation.gov.uk/crn";
  static final String PSEUDONYM = "https://caseway.example/id/subject|";

  /** The incident example's people, as the example names them. */
  static final String SUSPECT = "N0048213";
  static final String SUSPECT_PNC = "2013/0456789K";
  static final String VICTIM = "N0051120";
  static final String WITNESS = "N0051121";

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Path DATA_DIR = EmbeddedGatewayProperties.freshDataDir("agreements-delivery");
  private static final WireMockServer trust = AcceptingTrust.start();
  private static final ObjectMapper JSON = new ObjectMapper();


  @DynamicPropertySource
  static void northshire(DynamicPropertyRegistry registry) {
    EmbeddedGatewayProperties.register(registry, DATA_DIR);
    registry.add("caseway.partners.file", () -> "classpath:agreements-delivery/partners.yaml");
    registry.add("caseway.northshire.mh-trust-fhir-base", () -> AcceptingTrust.fhirBase(trust));
  }

  @AfterAll
  static void stopTrust() {
    trust.stop();
  }

  @LocalServerPort int port;
  @Autowired KafkaBootstrap kafka;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityLearner identities;
  GatewayClient gateway;

  @BeforeEach
  void connect() {
    gateway = new GatewayClient(port);
  }

  // ---- ISA-ASB, ISA-IOM, ISA-VUL from the police: one incident, four recipients ----

  @Test
  void anIncidentReachesEachRecipientAsItsAgreementAllowsAndNoMore() {
    Person suspect = newPerson(1);
    suspect.linkTo(identities, TENANCY, "T100001", NHS, "9434765919");
    sendIomCohortChange(suspect, "X100001");
    Bundle incident = incident(suspect, 1).consent(suspect.nominal, PERMIT).build();

    Observed observed = send(POLICE, incident);

    assertThat(observed.deliveredTo(POLICE)).as("nothing goes back to the source").isEmpty();

    Bundle council = observed.only(COUNCIL, "ISA-ASB");
    assertThat(ViewReader.identifiers(council)).as("no nominal refs (identifiers), no PNC id (offending)")
        .hasSize(2).allSatisfy(i -> assertThat(i).startsWith(PSEUDONYM));
    assertThat(ViewReader.markers(council)).as("risk, not health").containsExactly("VI");
    assertThat(ViewReader.recordExtensions(council)).doesNotContain("caseway-narrative");
    assertThat(ViewReader.patientExtensions(council)).as("rule 3: ethnicity").isEmpty();
    assertThat(observed.withheldCodes(COUNCIL)).contains("SOURCE_ONLY_ROLE", "CATEGORY_NOT_ALLOWED");

    Bundle housing = observed.only(HOUSING, "ISA-ASB");
    assertThat(ViewReader.identifiers(housing)).as("only the tenant, by housing's own reference")
        .containsExactly(TENANCY + "|T100001");
    assertThat(ViewReader.location(housing).getAddress().hasText()).as("the postcode only").isFalse();
    assertThat(ViewReader.markers(housing)).containsExactly("VI");

    Bundle probation = observed.only(PROBATION, "ISA-IOM");
    assertThat(ViewReader.identifiers(probation)).as("only the cohort member, with PNC id and CRN")
        .contains(PNC + "|" + suspect.pnc, CRN + "|X100001");
    assertThat(ViewReader.markers(probation)).containsExactlyInAnyOrder("VI", "MH");
    assertThat(ViewReader.recordExtensions(probation)).contains("caseway-narrative");
    assertThat(ViewReader.patientExtensions(probation)).isEmpty();

    Bundle toTrust = observed.only(MH_TRUST, "ISA-VUL");
    assertThat(ViewReader.identifiers(toTrust)).containsExactly(NHS + "|9434765919");
    assertThat(ViewReader.markers(toTrust)).containsExactlyInAnyOrder("VI", "MH");

    observed.assertExplainAgrees();
    assertRecordVerifies();
  }

  @Test
  void aboutPeopleNoOneHasLinkedOrWhoGaveNoConsentOnlyTheCouncilHears() {
    Person suspect = newPerson(2);
    Bundle incident = incident(suspect, 2).withoutConsent(suspect.nominal).build();

    Observed observed = send(POLICE, incident);

    observed.only(COUNCIL, "ISA-ASB");
    assertThat(observed.deliveredTo(HOUSING)).isEmpty();
    assertThat(observed.withheldCodes(HOUSING)).contains("NO_SUBJECT_QUALIFIES");
    assertThat(observed.deliveredTo(PROBATION)).isEmpty();
    assertThat(observed.withheldCodes(PROBATION)).contains("NO_SUBJECT_QUALIFIES");
    assertThat(observed.deliveredTo(MH_TRUST)).isEmpty();
    assertThat(observed.withheldCodes(MH_TRUST)).contains("CONSENT_NOT_RECORDED");
    observed.assertExplainAgrees();
  }

  @Test
  void aSelfHarmMarkerReachesTheTrustDespiteARefusalButAMentalHealthMarkerAloneDoesNot() {
    Person selfHarm = newPerson(3);
    selfHarm.linkTo(identities, NHS, "9000000009");
    Observed vital = send(POLICE, incident(selfHarm, 3).consent(selfHarm.nominal, DENY)
        .marker(selfHarm.nominal, "health", "SH").build());
    assertThat(ViewReader.markers(vital.only(MH_TRUST, "ISA-VUL"))).contains("SH");
    vital.assertExplainAgrees();

    Person refused = newPerson(4);
    refused.linkTo(identities, NHS, "9434765870");
    Observed withheld = send(POLICE, incident(refused, 4).consent(refused.nominal, DENY).build());
    assertThat(withheld.deliveredTo(MH_TRUST)).isEmpty();
    assertThat(withheld.withheldCodes(MH_TRUST)).contains("CONSENT_REFUSED");
    withheld.assertExplainAgrees();
  }

  @Test
  void officialSensitiveGoesOnlyToPoliceAndProbation() {
    Person suspect = newPerson(5);
    suspect.linkTo(identities, NHS, "9434765919");
    sendIomCohortChange(suspect, "X100005");
    Bundle incident = incident(suspect, 5).consent(suspect.nominal, PERMIT)
        .label("OFFICIAL-SENSITIVE", "R").build();

    Observed observed = send(POLICE, incident);

    observed.only(PROBATION, "ISA-IOM");
    assertThat(observed.deliveredTo(COUNCIL)).isEmpty();
    assertThat(observed.deliveredTo(MH_TRUST)).isEmpty();
    assertThat(observed.deliveredTo(HOUSING)).isEmpty();
    observed.assertExplainAgrees();
  }

  // ---- from the council ----

  @Test
  void aHighRiskCaseTakesItsHealthDataToThePoliceAndAStandardOneDoesNot() {
    Observed high = send(COUNCIL, MessageBuilder.example("case-updated").fresh()
        .renumber("55120", "81001").renumber("55121", "81002").riskLevel("HIGH").build());
    Observed standard = send(COUNCIL, MessageBuilder.example("case-updated").fresh()
        .renumber("55120", "81003").renumber("55121", "81004").riskLevel("STANDARD").build());

    assertThat(ViewReader.contents(high.only(POLICE, "ISA-ASB"))).contains("Flag:caseway-health-flag");
    assertThat(ViewReader.contents(standard.only(POLICE, "ISA-ASB"))).doesNotContain("Flag:caseway-health-flag");
    assertThat(standard.withheldCodes(POLICE)).contains("VALUE_NOT_MET");
    high.assertExplainAgrees();
    standard.assertExplainAgrees();
  }

  @Test
  void aCaseOpenedReachesHousingOnlyAboutATenantAndProbationOnlyAboutTheCohort() {
    link("https://id.northshire.gov.uk/asb-party", "82001", TENANCY, "T100082", CRN, "X100082");
    Observed linked = send(COUNCIL, MessageBuilder.example("case-opened").fresh().renumber("60233", "82001").build());
    Observed unlinked = send(COUNCIL, MessageBuilder.example("case-opened").fresh().renumber("60233", "82002").build());

    assertThat(ViewReader.identifiers(linked.only(HOUSING, "ISA-ASB"))).containsExactly(TENANCY + "|T100082");
    assertThat(ViewReader.identifiers(linked.only(PROBATION, "ISA-IOM"))).contains(CRN + "|X100082");
    assertThat(unlinked.deliveredTo(HOUSING)).isEmpty();
    assertThat(unlinked.deliveredTo(PROBATION)).isEmpty();
    assertThat(unlinked.withheldCodes(HOUSING)).contains("NO_SUBJECT_QUALIFIES");
    linked.assertExplainAgrees();
    unlinked.assertExplainAgrees();
  }

  // ---- from probation ----

  @Test
  void probationsRiskFlagReachesThePoliceWithIdentifiersAndOffending() {
    Observed observed = send(PROBATION, MessageBuilder.example("risk-flag-lifted").event("risk-flag-raised").fresh()
        .renumber("X123456", "X100090").renumber("2022/0001234B", "2022/0100090B").build());

    Bundle police = observed.only(POLICE, "ISA-IOM");
    assertThat(ViewReader.identifiers(police)).contains(CRN + "|X100090", PNC + "|2022/0100090B");
    assertThat(observed.deliveredTo(COUNCIL)).as("no agreement from probation to the council").isEmpty();
    observed.assertExplainAgrees();
  }

  // ---- from the trust ----

  @Test
  void theTrustsRiskFlagReachesThePoliceOnlyWithConsent() {
    Observed consented = send(MH_TRUST, MessageBuilder.example("risk-flag-raised").fresh()
        .consent("9434765919", PERMIT).build());
    Observed refused = send(MH_TRUST, MessageBuilder.example("risk-flag-raised").fresh()
        .renumber("9434765919", "9434765870").consent("9434765870", DENY).build());

    Bundle police = consented.only(POLICE, "ISA-VUL");
    assertThat(ViewReader.all(police, org.hl7.fhir.r4.model.Consent.class)).as("consent is health data").isEmpty();
    assertThat(refused.deliveredTo(POLICE)).isEmpty();
    assertThat(refused.withheldCodes(POLICE)).contains("CONSENT_REFUSED");
    assertThat(consented.deliveredTo(COUNCIL)).as("the council subscribes for ASB only").isEmpty();
    assertThat(consented.withheldCodes(COUNCIL)).contains("NOT_SUBSCRIBED");
    consented.assertExplainAgrees();
    refused.assertExplainAgrees();
  }

  // ---- rule 6: a suspended recipient gets nothing, and it is not queued ----

  @Test
  void aSuspendedRecipientGetsNothingAndHearsNothingLaterEither() {
    String dsm = gateway.token(DSM);
    assertThat(gateway.postJson("/admin/partners/" + COUNCIL + "/$suspend", dsm,
        "{\"reason\":\"scenario test: breach under investigation\"}").statusCode()).isEqualTo(200);
    Observed observed;
    try {
      observed = send(POLICE, incident(newPerson(6), 6).build());
    } finally {
      assertThat(gateway.postJson("/admin/partners/" + COUNCIL + "/$reinstate", dsm,
          "{\"reason\":\"scenario test: cleared\"}").statusCode()).isEqualTo(200);
    }
    assertThat(observed.deliveredTo(COUNCIL)).isEmpty();
    assertThat(observed.withheldCodes(COUNCIL)).contains("RECIPIENT_NOT_ACTIVE");

    Observed after = send(POLICE, incident(newPerson(7), 7).build());
    after.only(COUNCIL, "ISA-ASB");
    assertThat(records(COUNCIL).stream().filter(r -> r.contains(observed.messageId))).isEmpty();
  }

  // ---- the machinery ----

  /** A person of the incident example, renumbered so that each test has its own. */
  record Person(String nominal, String pnc) {
    void linkTo(IdentityLearner learner, String... systemValuePairs) {
      Patient patient = new Patient();
      patient.addIdentifier(new Identifier().setSystem(PNC).setValue(pnc));
      for (int i = 0; i < systemValuePairs.length; i += 2) {
        patient.addIdentifier(new Identifier().setSystem(systemValuePairs[i]).setValue(systemValuePairs[i + 1]));
      }
      Bundle records = new Bundle();
      records.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(patient);
      learner.learnFrom(records, "scenario-setup-" + nominal);
    }
  }

  /** Tells the identity index that these identifiers are one person (beside a strong id of their own). */
  private void link(String... systemValuePairs) {
    new Person("-", "2019/" + String.format("%07d", Math.abs(systemValuePairs[1].hashCode()) % 10_000_000) + "L")
        .linkTo(identities, systemValuePairs);
  }

  private static Person newPerson(int n) {
    return new Person(String.format("N09%05d", n), String.format("2013/09%05dK", n));
  }

  /** The incident example about {@code suspect}, its victim and witness renumbered too. */
  private static MessageBuilder incident(Person suspect, int n) {
    return MessageBuilder.example("incident-reported").fresh()
        .renumber(SUSPECT, suspect.nominal).renumber(SUSPECT_PNC, suspect.pnc)
        .renumber(VICTIM, String.format("N08%05d", n)).renumber(WITNESS, String.format("N07%05d", n));
  }

  /** Probation says the person joined the IOM cohort under {@code crn}: the identity index links them. */
  private void sendIomCohortChange(Person person, String crn) {
    Bundle cohort = MessageBuilder.example("iom-cohort-changed").fresh().build();
    for (Bundle.BundleEntryComponent entry : cohort.getEntry()) {
      if (entry.getResource() instanceof Patient patient) {
        patient.getIdentifier().forEach(i -> {
          if (PNC.equals(i.getSystem())) {
            i.setValue(person.pnc);
          } else if (CRN.equals(i.getSystem())) {
            i.setValue(crn);
          }
        });
      }
    }
    send(PROBATION, cohort);
  }

  /** Sends the message as {@code source} and waits until every other partner's decision is recorded. */
  private Observed send(String source, Bundle message) {
    String messageId = message.getIdElement().getIdPart();
    HttpResponse<String> accepted = gateway.processMessage(gateway.token(source), MessageBuilder.json(message));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    List<String> recipients = PARTNERS.stream().filter(p -> !p.equals(source)).toList();
    await().atMost(WAIT).until(() -> recordedRecipients(messageId).containsAll(recipients));
    Map<String, List<String>> disclosureIds = new LinkedHashMap<>();
    for (String recipient : recipients) {
      disclosureIds.put(recipient, disclosureIds(messageId, recipient));
    }
    Map<String, List<Bundle>> delivered = new LinkedHashMap<>();
    for (String recipient : recipients) {
      List<String> ids = disclosureIds.get(recipient);
      await().atMost(WAIT).until(() -> deliveredWithIds(recipient, ids).size() == ids.size());
      delivered.put(recipient, deliveredWithIds(recipient, ids));
    }
    return new Observed(messageId, message, source, delivered);
  }

  private List<Bundle> deliveredWithIds(String recipient, List<String> ids) {
    List<Bundle> found = new ArrayList<>();
    if (ids.isEmpty()) {
      return found;
    }
    List<String> bodies = recipient.equals(MH_TRUST)
        ? trust.findAll(postRequestedFor(urlEqualTo(AcceptingTrust.PATH))).stream().map(r -> r.getBodyAsString()).toList()
        : records(recipient);
    for (String body : bodies) {
      Bundle bundle = parse(body);
      if (ids.contains(bundle.getIdElement().getIdPart())) {
        found.add(bundle);
      }
    }
    return found;
  }

  private List<String> records(String recipient) {
    return new JournalReader(kafka.bootstrapServers(), TOPICS.get(recipient)).readAll().stream()
        .map(r -> r.value()).toList();
  }

  private Set<String> recordedRecipients(String messageId) {
    return Set.copyOf(jdbc.sql("SELECT DISTINCT recipient_partner FROM disclosure_record WHERE message_id = ?")
        .param(messageId).query(String.class).list());
  }

  private List<String> disclosureIds(String messageId, String recipient) {
    return jdbc.sql("SELECT disclosure_id FROM disclosure_record WHERE message_id = ? AND recipient_partner = ?"
            + " AND kind = 'DISCLOSED' ORDER BY seq")
        .params(messageId, recipient).query(String.class).list();
  }

  private List<String> withheldCodes(String messageId, String recipient) {
    return jdbc.sql("SELECT reason_code FROM disclosure_record WHERE message_id = ? AND recipient_partner = ?"
            + " AND kind <> 'DISCLOSED' ORDER BY seq")
        .params(messageId, recipient).query(String.class).list();
  }

  private void assertRecordVerifies() {
    HttpResponse<String> verify = gateway.get("/admin/disclosures/$verify", gateway.token(DSM));
    assertThat(verify.statusCode()).isEqualTo(200);
    assertThat(verify.body()).contains("\"intact\":true");
  }

  private static Bundle parse(String json) {
    return ImplementationGuide.load().fhirContext().newJsonParser().parseResource(Bundle.class, json);
  }

  /** What one message gave every recipient. */
  final class Observed {
    final String messageId;
    final Bundle message;
    final String source;
    final Map<String, List<Bundle>> delivered;

    Observed(String messageId, Bundle message, String source, Map<String, List<Bundle>> delivered) {
      this.messageId = messageId;
      this.message = message;
      this.source = source;
      this.delivered = delivered;
    }

    List<Bundle> deliveredTo(String recipient) {
      return delivered.getOrDefault(recipient, List.of());
    }

    /** The one delivery to {@code recipient}, made under {@code agreement}. */
    Bundle only(String recipient, String agreement) {
      assertThat(deliveredTo(recipient)).as("deliveries to " + recipient).hasSize(1);
      Bundle view = deliveredTo(recipient).get(0);
      assertThat(view.getMeta().getTag()).as("the agreement it was made under")
          .anySatisfy(tag -> assertThat(tag.getCode()).isEqualTo(agreement));
      ViewReader.assertNoDanglingReferences(view);
      return view;
    }

    List<String> withheldCodes(String recipient) {
      return AgreementsDeliveryIT.this.withheldCodes(messageId, recipient);
    }

    /** $explain about every recipient describes exactly what it was delivered. */
    void assertExplainAgrees() {
      for (String recipient : delivered.keySet()) {
        JsonNode explanation = explain(recipient);
        List<Bundle> actual = deliveredTo(recipient);
        assertThat(explanation.get("disclosures").size()).as("explained disclosures to " + recipient)
            .isEqualTo(actual.size());
        for (int i = 0; i < actual.size(); i++) {
          JsonNode explained = explanation.get("disclosures").get(i).get("view");
          assertThat(explained.get("id").asText()).as("explained view id for " + recipient)
              .isEqualTo(actual.get(i).getIdElement().getIdPart());
          assertThat(explained.get("entry")).as("explained view entries for " + recipient)
              .isEqualTo(tree(MessageBuilder.json(actual.get(i))).get("entry"));
        }
        assertThat(codes(explanation)).as("explained withholdings for " + recipient)
            .containsAll(withheldCodes(recipient).stream()
                .filter(code -> !code.equals("PARTNER_NOT_ACTIVE")).toList());
      }
    }

    private JsonNode explain(String recipient) {
      HttpResponse<String> response = gateway.postJson("/admin/policy/$explain?recipient="
          + URLEncoder.encode(recipient, StandardCharsets.UTF_8), gateway.token(DSM), MessageBuilder.json(message));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return tree(response.body());
    }

    private List<String> codes(JsonNode explanation) {
      List<String> codes = new ArrayList<>();
      explanation.get("withholdings").forEach(w -> codes.add(w.get("code").asText()));
      return codes;
    }
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
