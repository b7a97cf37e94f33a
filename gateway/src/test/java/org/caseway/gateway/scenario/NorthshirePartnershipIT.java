package org.caseway.gateway.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.identity.AgencyIdentifier;
import org.caseway.gateway.identity.IdentityIndex;
import org.caseway.gateway.partner.PartnerRegistry;
import org.caseway.gateway.policy.scenario.ViewReader;
import org.caseway.gateway.simulators.NorthshireSimulators;
import org.caseway.gateway.support.EmbeddedGatewayProperties;
import org.caseway.gateway.support.PartnershipWait;
import org.caseway.northshire.simulators.DropFolders;
import org.caseway.northshire.simulators.HousingSimulator.Alert;
import org.caseway.northshire.simulators.KafkaTopicRecorder.Received;
import org.caseway.northshire.simulators.Samples;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Northshire partnership connected, as the README's first command runs it: the real partners
 * file, channels, mappings, agreements and engine, with the simulated partner systems. The samples
 * go in through the partners' own channels (housing's tenancy roll and the police export into their
 * drop folders, probation's message on Kafka, the council's change feed), and what each partner's
 * system received is read from the simulators, field by field, in the partner's own format; what
 * was withheld is read from the record of disclosures.
 *
 * <p>The tests run in order: each builds on the links the earlier ones made.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NorthshirePartnershipIT {

  static final String POLICE = "northshire-police";
  static final String COUNCIL = "northshire-council";
  static final String HOUSING = "northshire-housing";
  static final String PROBATION = "northshire-probation";
  static final String MH_TRUST = "northshire-mh-trust";

  static final String PNC = "https://id.pnc.police.uk/person";
  static final String CRN = "https://id.probation.gov.uk/crn";
  static final String TENANCY = "https://id.northshirehomes.org.uk/tenancy";
  static final String NOMINAL = "https://id.northshire.police.uk/nominal";
  static final String PARTY = "https://id.northshire.gov.uk/asb-party";

  /** The sample export's three incidents, as the police-rms-csv mapping numbers its outputs. */
  static final String LARCH_CLOSE = "caseway-mappings/police-rms-csv/fixtures/sample/expected/1.json";
  static final String FLY_TIPPING = "caseway-mappings/police-rms-csv/fixtures/sample/expected/2.json";
  static final String QUARRY_ROAD = "caseway-mappings/police-rms-csv/fixtures/sample/expected/3.json";

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Path DATA_DIR = EmbeddedGatewayProperties.freshDataDir("northshire-partnership");

  @DynamicPropertySource
  static void northshire(DynamicPropertyRegistry registry) {
    EmbeddedGatewayProperties.register(registry, DATA_DIR);
    registry.add("caseway.northshire.council-poll-interval", () -> "1s");
  }

  @Autowired NorthshireSimulators simulators;
  @Autowired PartnerRegistry partners;
  @Autowired IdentityIndex identities;
  @Autowired JdbcClient jdbc;

  @Test
  @Order(1)
  void theTenancyRollLinksTenantsAndIsPassedOnToNoOne() {
    Path roll = drop(HOUSING, Samples.TENANCY_ROLL, Samples.bytes(Samples.TENANCY_ROLL));

    awaitMovedTo(roll, "done");
    assertThat(identities.linksOf(new AgencyIdentifier(TENANCY, "T104233"))).isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM disclosure_record").query(Integer.class).single()).isZero();
    assertThat(simulators.housing().calls()).isZero();
  }

  @Test
  @Order(2)
  void probationsCohortMessageIsAcceptedAndAcknowledgedOnKafka() {
    simulators.probation().publishIomCohortSample();

    await().atMost(WAIT).until(() -> !simulators.probation().acks().received().isEmpty());
    Received ack = simulators.probation().acks().received().get(0);
    assertThat(ack.value()).contains("\"code\":\"ok\"");
    // The ack says accepted (journaled); dispatch learns the link from the journal a moment later.
    await().atMost(WAIT).untilAsserted(() -> assertThat(identities.linkedTo(Set.of(new AgencyIdentifier(PNC,
        "2013/0456789K")))).contains(new AgencyIdentifier(CRN, "K204811")));
  }

  @Test
  @Order(3)
  void theSamplePoliceExportReachesEachPartnerAsTheAgreementsAllowAndNoMore() {
    Path export = drop(POLICE, Samples.POLICE_EXPORT, Samples.bytes(Samples.POLICE_EXPORT));

    awaitMovedTo(export, "done");
    List<String> incidents = List.of(messageId(LARCH_CLOSE), messageId(FLY_TIPPING), messageId(QUARRY_ROAD));
    incidents.forEach(this::awaitDecidedForEveryone);
    partnerSystems().until("the council, housing and probation hear of the export", () ->
        simulators.council().notifications().size() >= 2 && simulators.housing().alerts().size() >= 2
            && !simulators.probation().outbound().received().isEmpty());

    councilHearsOfBothPeopleAtLarchCloseAndOfNothingElse();
    housingIsAlertedOnlyAboutItsTenantsAndFirstAboutTheViolentOne();
    probationHearsOnlyAboutItsCohortMember();
    theTrustHearsNothingForNoneGaveConsentAndTheSelfHarmCaseIsOfficialSensitive();
    assertThat(simulators.policeHub().received()).as("nothing goes back to its source").isEmpty();
  }

  private void councilHearsOfBothPeopleAtLarchCloseAndOfNothingElse() {
    List<JsonNode> notifications = simulators.council().notifications();
    assertThat(notifications).hasSize(2);
    assertThat(notifications).allSatisfy(n -> {
      assertThat(n.get("kind").asText()).isEqualTo("INCIDENT");
      assertThat(n.get("fromAgency").asText()).isEqualTo("Northshire Police");
      assertThat(n.get("sourceReference").asText()).isEqualTo("NP-2026-004512");
      assertThat(n.get("receivedAt").asText()).isEqualTo("2026-11-03T09:15:00Z");
      assertThat(n.get("summary").asText())
          .isEqualTo("ASB-PERSONAL at Outside 14 Larch Close, Kettleby, NN7 4QT, 2026-11-03 08:40");
      assertThat(n.get("subject").has("partyId")).as("not yet known to the council").isFalse();
    });
    JsonNode dean = notificationAbout(notifications, "Whitfield");
    assertThat(dean.get("subject").get("firstName").asText()).isEqualTo("Dean");
    assertThat(dean.get("subject").get("dateOfBirth").asText()).isEqualTo("1994-03-17");
    assertThat(dean.get("riskMarkers").toString()).as("VI only; MH is health").isEqualTo("[\"VIOLENT\"]");
    JsonNode lukasz = notificationAbout(notifications, "Nowak");
    assertThat(lukasz.get("subject").get("firstName").asText()).isEqualTo("Łukasz");
    assertThat(lukasz.get("riskMarkers").toString()).isEqualTo("[]");
    assertThat(notifications.toString()).as("rule 2: the witness").doesNotContain("Adeyemi");
    assertThat(withheld(QUARRY_ROAD, COUNCIL)).contains("OFFICIAL_SENSITIVE");
  }

  private void housingIsAlertedOnlyAboutItsTenantsAndFirstAboutTheViolentOne() {
    List<Alert> alerts = simulators.housing().alerts();
    assertThat(alerts).extracting(Alert::tenancyRef, Alert::alertType, Alert::severity, Alert::raisedBy)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("T104233", "RISK_TO_STAFF", "HIGH", "Northshire Police"),
            org.assertj.core.groups.Tuple.tuple("T104240", "ASB_INCIDENT", "LOW", "Northshire Police"));
    Alert dean = alerts.stream().filter(a -> a.tenancyRef().equals("T104233")).findFirst().orElseThrow();
    assertThat(dean.summary()).as("the marker and no reason beyond it").isEqualTo("Warning marker: violent");
    assertThat(dean.surname()).isEqualTo("Whitfield");
    assertThat(dean.dateOfBirth()).isEqualTo("1994-03-17");
    Alert lukasz = alerts.stream().filter(a -> a.tenancyRef().equals("T104240")).findFirst().orElseThrow();
    assertThat(lukasz.summary()).as("no location detail beyond the postcode").isEqualTo("ASB-PERSONAL reported at NN7 4QT");
    assertThat(lukasz.forename()).isEqualTo("Łukasz");
    assertThat(withheld(QUARRY_ROAD, HOUSING)).as("Zoë is a tenant, but rule 4").contains("OFFICIAL_SENSITIVE");
    assertThat(withheld(FLY_TIPPING, HOUSING)).contains("NO_SUBJECT_QUALIFIES");
  }

  private void probationHearsOnlyAboutItsCohortMember() {
    List<Received> records = simulators.probation().outbound().received();
    assertThat(records).hasSize(1);
    Received record = records.get(0);
    assertThat(record.headers()).containsEntry("caseway-event", "incident-reported")
        .containsEntry("caseway-purpose", "IOM").containsEntry("caseway-agreement", "ISA-IOM|1")
        .containsKey("caseway-message-id");
    assertThat(record.key()).isEqualTo(journalKey(messageId(LARCH_CLOSE)));
    Bundle view = parse(record.value());
    assertThat(view.getIdElement().getIdPart()).isEqualTo(record.headers().get("caseway-message-id"));
    assertThat(ViewReader.identifiers(view)).contains(PNC + "|2013/0456789K", CRN + "|K204811", NOMINAL + "|N0048213")
        .noneMatch(i -> i.endsWith("N0051120") || i.endsWith("N0051121"));
    assertThat(ViewReader.markers(view)).containsExactlyInAnyOrder("VI", "MH");
    assertThat(ViewReader.patientExtensions(view)).as("rule 3: ethnicity").isEmpty();
    assertThat(withheld(QUARRY_ROAD, PROBATION)).contains("NO_SUBJECT_QUALIFIES");
    assertThat(withheld(FLY_TIPPING, PROBATION)).contains("NO_SUBJECT_QUALIFIES");
  }

  private void theTrustHearsNothingForNoneGaveConsentAndTheSelfHarmCaseIsOfficialSensitive() {
    assertThat(simulators.trust().posts()).isZero();
    assertThat(withheld(LARCH_CLOSE, MH_TRUST)).as("Dean has MH but no recorded consent")
        .contains("CONSENT_NOT_RECORDED");
    assertThat(withheld(QUARRY_ROAD, MH_TRUST)).as("SH would be vital interests, but rule 4")
        .contains("OFFICIAL_SENSITIVE");
    assertThat(withheld(FLY_TIPPING, MH_TRUST)).contains("NO_SUBJECT_QUALIFIES");
  }

  @Test
  @Order(4)
  void theCouncilsFeedReachesThePoliceAndHousingAndProbationAboutItsCohortMember() {
    int probationBefore = simulators.probation().outbound().received().size();
    simulators.council().publishSampleChanges();

    partnerSystems().until("the police, housing and probation hear of the council's cases", () ->
        simulators.policeHub().received().size() >= 2
            && simulators.housing().alerts().stream().filter(a -> a.alertType().equals("CASE_OPENED")).count() >= 3
            && simulators.probation().outbound().received().size() > probationBefore);

    Map<String, Bundle> toPolice = simulators.policeHub().received().stream().map(r -> parse(r.value()))
        .collect(Collectors.toMap(NorthshirePartnershipIT::caseNumber, v -> v));
    assertThat(toPolice).containsOnlyKeys("ASB/2026/00817", "ASB/2026/00822");
    assertThat(ViewReader.header(toPolice.get("ASB/2026/00817")).getEventCoding().getCode()).isEqualTo("case-opened");
    assertThat(ViewReader.contents(toPolice.get("ASB/2026/00817"))).as("HIGH risk: health too")
        .contains("Flag:caseway-health-flag");
    assertThat(ViewReader.contents(toPolice.get("ASB/2026/00822"))).as("STANDARD risk: no health")
        .doesNotContain("Flag:caseway-health-flag");
    assertThat(simulators.policeHub().received()).allSatisfy(r ->
        assertThat(r.headers()).containsEntry("caseway-agreement", "ISA-ASB|3"));

    assertThat(simulators.housing().alerts()).filteredOn(a -> a.alertType().equals("CASE_OPENED"))
        .extracting(Alert::tenancyRef, Alert::raisedBy)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("T104233", "Northshire Borough Council"),
            org.assertj.core.groups.Tuple.tuple("T104240", "Northshire Borough Council"),
            org.assertj.core.groups.Tuple.tuple("T108877", "Northshire Borough Council"));

    List<Received> toProbation = simulators.probation().outbound().received();
    Bundle cohortCase = parse(toProbation.get(toProbation.size() - 1).value());
    assertThat(caseNumber(cohortCase)).isEqualTo("ASB/2026/00817");
    assertThat(ViewReader.identifierValues(cohortCase)).contains("K204811").doesNotContain("55121");
    assertThat(simulators.trust().posts()).isZero();
  }

  @Test
  @Order(5)
  void aPartlyBadExportIsSetAsideWithAReportPerRowAndItsGoodRowsStillGoThrough() {
    String name = "ASB_EXPORT_20261106093000.csv";
    Path file = drop(POLICE, name, fixture("caseway-mappings/police-rms-csv/fixtures/bad-rows/" + name));

    Path setAside = awaitMovedTo(file, "error");
    List<String> report = lines(setAside.resolveSibling(name + ".errors.csv"));
    assertThat(report.get(0)).isEqualTo("file,line,column,value,reason");
    assertThat(report).anySatisfy(row -> assertThat(row).startsWith(name + ",3,IncidentRef,NP-2026-4801,"))
        .anySatisfy(row -> assertThat(row).startsWith(name + ",4,ReportedAt,31/02/2026 09:00,"))
        .anySatisfy(row -> assertThat(row).startsWith(name + ",6,PNCId,19/123X,"));
    List<String> good = expectedMessageIds("caseway-mappings/police-rms-csv/fixtures/bad-rows/expected/");
    assertThat(good).isNotEmpty();
    good.forEach(id -> assertThat(accepted(id)).as("good incident " + id + " accepted").isTrue());
  }

  @Test
  @Order(6)
  void aFileThatIsNotAnExportIsSetAsideWholeAndNothingOfItIsAccepted() {
    String name = "ASB_EXPORT_20261107080000.csv";
    int acceptedBefore = jdbc.sql("SELECT COUNT(*) FROM accepted_message").query(Integer.class).single();
    Path file = drop(POLICE, name, "Name,Address\r\nsomeone,somewhere\r\n".getBytes(StandardCharsets.UTF_8));

    Path setAside = awaitMovedTo(file, "error");
    List<String> report = lines(setAside.resolveSibling(name + ".errors.csv"));
    assertThat(report).hasSize(2);
    assertThat(report.get(1)).startsWith(name + ",,,,").contains("IncidentRef");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM accepted_message").query(Integer.class).single()).isEqualTo(acceptedBefore);
  }

  // ---- the machinery ----

  private PartnershipWait partnerSystems() {
    return new PartnershipWait(simulators, jdbc, WAIT);
  }

  private Path drop(String partnerId, String name, byte[] content) {
    return DropFolders.drop(dropFolder(partnerId), name, content);
  }

  private Path dropFolder(String partnerId) {
    return Path.of(partners.find(partnerId).orElseThrow().channels().get("in").get("directory"));
  }

  /** Waits until the file has left the drop folder for {@code done/} or {@code error/}; returns where it is. */
  private static Path awaitMovedTo(Path file, String folder) {
    Path moved = file.resolveSibling(folder).resolve(file.getFileName());
    await().atMost(WAIT).until(() -> Files.exists(moved) && !Files.exists(file));
    assertThat(file.resolveSibling(file.getFileName() + ".done")).as("the marker goes with it").doesNotExist();
    return moved;
  }

  private void awaitDecidedForEveryone(String messageId) {
    await().atMost(WAIT).until(() -> jdbc.sql(
            "SELECT COUNT(DISTINCT recipient_partner) FROM disclosure_record WHERE message_id = ?")
        .param(messageId).query(Integer.class).single() == 4);
  }

  private List<String> withheld(String fixture, String recipient) {
    return jdbc.sql("SELECT reason_code FROM disclosure_record WHERE message_id = ? AND recipient_partner = ?"
            + " AND kind <> 'DISCLOSED'")
        .params(messageId(fixture), recipient).query(String.class).list();
  }

  private boolean accepted(String messageId) {
    return jdbc.sql("SELECT COUNT(*) FROM accepted_message WHERE message_id = ?").param(messageId)
        .query(Integer.class).single() == 1;
  }

  private String journalKey(String messageId) {
    return jdbc.sql("SELECT subject_key FROM accepted_message WHERE message_id = ?").param(messageId)
        .query(String.class).single();
  }

  private static JsonNode notificationAbout(List<JsonNode> notifications, String lastName) {
    return notifications.stream().filter(n -> n.get("subject").get("lastName").asText().equals(lastName))
        .findFirst().orElseThrow();
  }

  /** The council case number the view is about: its focus's identifier. */
  private static String caseNumber(Bundle view) {
    String focus = ViewReader.header(view).getFocusFirstRep().getReference();
    return view.getEntry().stream().filter(e -> e.getFullUrl().equals(focus))
        .map(e -> (org.hl7.fhir.r4.model.Basic) e.getResource())
        .map(c -> c.getIdentifierFirstRep().getValue()).findFirst().orElseThrow();
  }

  private static String messageId(String fixture) {
    return parse(new String(fixture(fixture), StandardCharsets.UTF_8)).getIdElement().getIdPart();
  }

  private static List<String> expectedMessageIds(String folder) {
    return java.util.stream.IntStream.rangeClosed(1, 9)
        .mapToObj(i -> folder + i + ".json")
        .filter(path -> NorthshirePartnershipIT.class.getClassLoader().getResource(path) != null)
        .map(NorthshirePartnershipIT::messageId)
        .toList();
  }

  private static byte[] fixture(String path) {
    try (InputStream in = NorthshirePartnershipIT.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("No fixture " + path + " on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(Path file) {
    try {
      List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
      assertThat(lines.get(0)).as("a byte-order mark, for spreadsheets").startsWith("\uFEFF");
      lines.set(0, lines.get(0).substring(1));
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Bundle parse(String json) {
    return ImplementationGuide.load().fhirContext().newJsonParser().parseResource(Bundle.class, json);
  }
}
