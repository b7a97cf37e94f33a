package org.caseway.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.partner.PartnerRegistry;
import org.caseway.gateway.simulators.NorthshireSimulators;
import org.caseway.gateway.support.EmbeddedGatewayProperties;
import org.caseway.gateway.support.GatewayClient;
import org.caseway.gateway.support.PartnershipWait;
import org.caseway.gateway.support.PersonalData;
import org.caseway.northshire.simulators.DropFolders;
import org.caseway.northshire.simulators.Samples;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 6: logs carry message ids and partner ids, never a person's name, date of birth, address or
 * the narrative of a case. The gateway runs the Northshire samples as the README's first command
 * does (the simulators play them on start), then takes refused inputs on every inbound channel
 * (a partly bad and a wrong police export, a partly bad tenancy roll, a council case breaking the
 * API document, a nonconformant and an unreadable message on probation's topic and on the trust's
 * FHIR endpoint, a partner sending as another) and refused credentials (a forged token, a wrong
 * client secret).
 * Everything written to the console from the context's start (every logger, at the levels the
 * application runs with) is then searched for the personal data in those inputs, read out of the
 * inputs themselves by their documented fields.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class LogsCarryNoPersonalDataIT {

  private static final String POLICE = "northshire-police";
  private static final String HOUSING = "northshire-housing";
  private static final String PROBATION = "northshire-probation";
  private static final String MH_TRUST = "northshire-mh-trust";
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final Path DATA_DIR = EmbeddedGatewayProperties.freshDataDir("logs-personal-data");

  private static final String POLICE_BAD_ROWS = "caseway-mappings/police-rms-csv/fixtures/bad-rows/ASB_EXPORT_20261106093000.csv";
  private static final String ROLL_BAD_ROWS = "caseway-mappings/housing-tenancy-roll/fixtures/bad-rows/TENANCY_ROLL_20261104.csv";
  private static final String COUNCIL_BAD_PARTY = "caseway-mappings/council-asb-case/fixtures/bad-party/case.json";
  private static final String LARCH_CLOSE = "caseway-mappings/police-rms-csv/fixtures/sample/expected/1.json";
  private static final String RISK_FLAG = "caseway-ig/examples/Bundle-example-risk-flag-raised.json";

  /** Not an export at all: a spreadsheet of people, refused whole. */
  private static final byte[] NOT_AN_EXPORT =
      "Name,Address,DOB\r\nKerry Whitfield,14 Larch Close,30/11/1996\r\n".getBytes(StandardCharsets.UTF_8);

  @DynamicPropertySource
  static void northshireWithItsSamples(DynamicPropertyRegistry registry) {
    EmbeddedGatewayProperties.register(registry, DATA_DIR);
    registry.add("caseway.simulators.seed", () -> "true");
    registry.add("caseway.northshire.council-poll-interval", () -> "1s");
  }

  @LocalServerPort int port;
  @Autowired NorthshireSimulators simulators;
  @Autowired PartnerRegistry partners;
  @Autowired JdbcClient jdbc;

  @Test
  void aFullRunWithRefusalsLogsIdsButNoPersonalData(CapturedOutput log) {
    GatewayClient gateway = new GatewayClient(port);
    theSamplesHavePlayed();
    String nonconformant = nonconformantRiskFlag();
    String unreadable = unreadableRiskFlag();
    String forged = forgedToken();
    String wrongSecret = "test-only-not-the-" + MH_TRUST + "-secret";

    refusedFiles();
    theCouncilFeedOffersACaseBreakingItsDocument(log);
    probationPublishes(unreadable.replace("urn:caseway:partner:" + MH_TRUST, "urn:caseway:partner:" + PROBATION));
    probationPublishes(nonconformant.replace("urn:caseway:partner:" + MH_TRUST, "urn:caseway:partner:" + PROBATION));
    String trust = gateway.token(MH_TRUST);
    assertThat(gateway.processMessage(trust, nonconformant).statusCode()).isEqualTo(422);
    assertThat(gateway.processMessage(trust, unreadable).statusCode()).isEqualTo(400);
    assertThat(gateway.processMessage(gateway.token(PROBATION), text(RISK_FLAG)).statusCode())
        .as("probation sending as the trust").isEqualTo(403);
    assertThat(gateway.processMessage(forged, text(RISK_FLAG)).statusCode()).isEqualTo(401);
    assertThat(gateway.requestToken(MH_TRUST, wrongSecret).statusCode()).isEqualTo(401);

    String output = log.getAll();
    assertThat(output).as("the log names partners and message ids")
        .contains(POLICE, PROBATION, MH_TRUST, messageId(text(LARCH_CLOSE)));
    assertThat(personalDataOfTheInputs(nonconformant, unreadable).foundIn(output)).as("personal data in the log").isEmpty();
    assertThat(output).as("credentials in the log").doesNotContain(forged, wrongSecret);
  }

  // ---- the run

  private void theSamplesHavePlayed() {
    new PartnershipWait(simulators, jdbc, WAIT).until("the samples played and delivered", () ->
        Files.exists(DATA_DIR.resolve("simulators").resolve("samples-played"))
            && simulators.policeHub().received().size() >= 2
            && simulators.housing().alerts().size() >= 5
            && simulators.probation().outbound().received().size() >= 2);
    assertThat(dropFolder(POLICE).resolve("done").resolve(Samples.POLICE_EXPORT)).exists();
    assertThat(dropFolder(HOUSING).resolve("done").resolve(Samples.TENANCY_ROLL)).exists();
  }

  private void refusedFiles() {
    List<Path> dropped = List.of(
        DropFolders.drop(dropFolder(POLICE), "ASB_EXPORT_20261106093000.csv", fixture(POLICE_BAD_ROWS)),
        DropFolders.drop(dropFolder(POLICE), "ASB_EXPORT_20261107080000.csv", NOT_AN_EXPORT),
        DropFolders.drop(dropFolder(HOUSING), "TENANCY_ROLL_20261104.csv", fixture(ROLL_BAD_ROWS)));
    for (Path file : dropped) {
      Path setAside = file.resolveSibling("error").resolve(file.getFileName());
      await().atMost(WAIT).until(() -> Files.exists(setAside) && !Files.exists(file));
    }
  }

  private void theCouncilFeedOffersACaseBreakingItsDocument(CapturedOutput log) {
    simulators.council().publish(text(COUNCIL_BAD_PARTY));
    // The poller logs each refused change by its key and version.
    await().atMost(WAIT).until(() -> log.getAll().contains("change ASB/2026/00822 v2"));
  }

  private void probationPublishes(String message) {
    int acks = simulators.probation().acks().received().size();
    simulators.probation().publish(message);
    await().atMost(WAIT).until(() -> simulators.probation().acks().received().size() > acks);
    assertThat(simulators.probation().acks().received().get(acks).value()).contains("\"code\":\"fatal-error\"");
  }

  private Path dropFolder(String partnerId) {
    return Path.of(partners.find(partnerId).orElseThrow().channels().get("in").get("directory"));
  }

  // ---- the inputs and their personal data

  /** The trust's example message with a new id and a name: its NHS number fails the profile's check digit. */
  private static String nonconformantRiskFlag() {
    String example = text(RISK_FLAG);
    Bundle bundle = ImplementationGuide.load().fhirContext().newJsonParser().parseResource(Bundle.class, example);
    return example.replace(bundle.getIdElement().getIdPart(), "6f1e2d3c-4b5a-4968-8776-655443322110")
        .replace("9434765919", "9434765918")
        .replace("\"family\": \"Whitfield\"", "\"family\": \"Whitfield-Okonkwo\"");
  }

  /** The trust's example message with a date of birth written as the police write it: not FHIR. */
  private static String unreadableRiskFlag() {
    String example = text(RISK_FLAG);
    Bundle bundle = ImplementationGuide.load().fhirContext().newJsonParser().parseResource(Bundle.class, example);
    return example.replace(bundle.getIdElement().getIdPart(), "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d")
        .replace("\"birthDate\": \"1994-03-17\"", "\"birthDate\": \"19/04/1994\"");
  }

  private static PersonalData personalDataOfTheInputs(String nonconformant, String unreadable) {
    Set<String> policeNames = Set.of("Surname", "Forenames", "OfficerInCase");
    Set<String> policeAddresses = Set.of("Location", "Postcode");
    Set<String> rollNames = Set.of("Surname", "Forename");
    Set<String> rollAddresses = Set.of("AddressLine1", "AddressLine2", "Town", "Postcode");
    Set<String> councilNames = Set.of("firstName", "lastName", "name", "email", "phone");
    Set<String> councilAddresses = Set.of("line1", "line2", "town", "postcode");
    PersonalData data = new PersonalData()
        .csv(Samples.bytes(Samples.POLICE_EXPORT), policeNames, Set.of("DOB"), policeAddresses, Set.of("Narrative"))
        .csv(fixture(POLICE_BAD_ROWS), policeNames, Set.of("DOB"), policeAddresses, Set.of("Narrative"))
        .csv(NOT_AN_EXPORT, Set.of("Name"), Set.of("DOB"), Set.of("Address"), Set.of())
        .csv(Samples.bytes(Samples.TENANCY_ROLL), rollNames, Set.of("DateOfBirth"), rollAddresses, Set.of())
        .csv(fixture(ROLL_BAD_ROWS), rollNames, Set.of("DateOfBirth"), rollAddresses, Set.of())
        .json(Samples.councilChangesPage(), councilNames, Set.of("dateOfBirth"), councilAddresses, Set.of("notes"))
        .json(text(COUNCIL_BAD_PARTY), councilNames, Set.of("dateOfBirth"), councilAddresses, Set.of("notes"))
        .fhirBundle(Samples.iomCohortChanged())
        .fhirBundle(text(RISK_FLAG))
        .fhirBundle(nonconformant)
        // Not readable as FHIR (its birth date is the fault): read as plain JSON.
        .json(unreadable, Set.of("family", "given"), Set.of("birthDate"), Set.of(), Set.of());
    assertThat(data.values()).as("personal data read from the inputs")
        .contains("Whitfield", "Łukasz", "17/03/1994", "1994-03-17", "NN7 4QT", "14 Larch Close", "Hart",
            "Whitfield-Okonkwo", "19/04/1994", "1994-04-19", "Kerry Whitfield", "Neighbour dispute escalated after repeated noise complaints.");
    return data;
  }

  /** A token that is not the issuer's: {@code alg: none}, claiming the trust. */
  private static String forgedToken() {
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String claims = base64.encodeToString(("{\"sub\":\"" + MH_TRUST + "\",\"partner\":\"" + MH_TRUST
        + "\",\"exp\":4102444800}").getBytes(StandardCharsets.UTF_8));
    return header + "." + claims + ".";
  }

  private static String messageId(String bundleJson) {
    return ImplementationGuide.load().fhirContext().newJsonParser().parseResource(Bundle.class, bundleJson)
        .getIdElement().getIdPart();
  }

  private static String text(String resource) {
    return new String(fixture(resource), StandardCharsets.UTF_8);
  }

  private static byte[] fixture(String resource) {
    try (InputStream in = LogsCarryNoPersonalDataIT.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("No " + resource + " on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
