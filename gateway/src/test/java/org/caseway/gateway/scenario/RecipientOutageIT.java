package org.caseway.gateway.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caseway.conformance.MessageEnvelope;
import org.caseway.gateway.identity.IdentityLearner;
import org.caseway.gateway.policy.scenario.MessageBuilder;
import org.caseway.gateway.simulators.NorthshireSimulators;
import org.caseway.gateway.support.EmbeddedGatewayProperties;
import org.caseway.gateway.support.GatewayClient;
import org.caseway.northshire.simulators.CouncilSimulator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A recipient goes down and comes back: the council's API first refuses connections, then answers
 * 503 with {@code Retry-After} (maintenance), then recovers. Meanwhile the police keep sending
 * incidents. Nothing is lost, each person's notifications reach the council in the order the
 * incidents were accepted, and probation (on Kafka) gets its share throughout, as if nothing had
 * happened. The time to drain after recovery is printed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RecipientOutageIT {

  static final String POLICE = "northshire-police";
  static final String PNC = "https://id.pnc.police.uk/person";
  static final String CRN = "https://id.probation.gov.uk/crn";
  static final int PEOPLE = 3;
  static final int DURING_REFUSAL = 6;
  static final int DURING_MAINTENANCE = 6;
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final Path DATA_DIR = EmbeddedGatewayProperties.freshDataDir("recipient-outage");
  private static CouncilSimulator restarted;

  @DynamicPropertySource
  static void quickRetries(DynamicPropertyRegistry registry) {
    EmbeddedGatewayProperties.register(registry, DATA_DIR);
    registry.add("caseway.delivery.retry-backoff", () -> "200ms");
    registry.add("caseway.delivery.max-backoff", () -> "2s");
    registry.add("caseway.delivery.breaker-open-for", () -> "1s");
  }

  @AfterAll
  static void stopCouncil() {
    if (restarted != null) {
      restarted.close();
    }
  }

  @LocalServerPort int port;
  @Autowired NorthshireSimulators simulators;
  @Autowired IdentityLearner identities;
  @Autowired Environment environment;

  @Test
  void nothingIsLostEachPersonsOrderHoldsAndOtherRecipientsAreNotHeldUp() {
    GatewayClient gateway = new GatewayClient(port);
    String police = gateway.token(POLICE);
    List<String> people = cohort();
    Map<String, String> subjectOfIncident = new LinkedHashMap<>();
    int councilPort = URI.create(simulators.council().baseUrl()).getPort();

    simulators.council().close();
    for (int i = 0; i < DURING_REFUSAL; i++) {
      send(gateway, police, i, people, subjectOfIncident);
    }
    await().atMost(WAIT).until(() -> toProbation() == DURING_REFUSAL);

    restarted = CouncilSimulator.start(councilPort, environment.getRequiredProperty("caseway.northshire.council-api-key"));
    restarted.maintenance(true, 1);
    for (int i = DURING_REFUSAL; i < DURING_REFUSAL + DURING_MAINTENANCE; i++) {
      send(gateway, police, i, people, subjectOfIncident);
    }
    await().atMost(WAIT).until(() -> toProbation() == DURING_REFUSAL + DURING_MAINTENANCE);
    await().atMost(WAIT).until(() -> restarted.notificationPosts() > 0);
    assertThat(restarted.notifications()).as("nothing got through the maintenance").isEmpty();

    Instant recovered = Instant.now();
    restarted.maintenance(false, 0);
    int incidents = DURING_REFUSAL + DURING_MAINTENANCE;
    await().atMost(WAIT).until(() -> restarted.notifications().size() == incidents * 2);
    Duration drain = Duration.between(recovered, Instant.now());

    List<JsonNode> received = restarted.notifications();
    assertThat(received).extracting(n -> n.get("sourceReference").asText()).as("every incident, the suspect and"
        + " the victim").hasSize(incidents * 2).containsAll(subjectOfIncident.keySet());
    assertEachPersonsIncidentsArriveInTheOrderSent(received, subjectOfIncident);
    System.out.printf("Recipient outage: %d incidents, drained %s after recovery, %d notification requests for %d"
        + " notifications (%d repeats the council ignored)%n", incidents, drain, restarted.notificationPosts(),
        received.size(), restarted.notificationPosts() - received.size());
  }

  private static void assertEachPersonsIncidentsArriveInTheOrderSent(List<JsonNode> received,
      Map<String, String> subjectOfIncident) {
    Map<String, List<String>> arrived = new LinkedHashMap<>();
    for (JsonNode notification : received) {
      String incident = notification.get("sourceReference").asText();
      List<String> seen = arrived.computeIfAbsent(subjectOfIncident.get(incident), k -> new ArrayList<>());
      if (!seen.contains(incident)) {
        seen.add(incident);
      }
    }
    Map<String, List<String>> sent = new LinkedHashMap<>();
    subjectOfIncident.forEach((incident, subject) -> sent.computeIfAbsent(subject, k -> new ArrayList<>()).add(incident));
    assertThat(arrived).isEqualTo(sent);
  }

  /** Three people in the IOM cohort, so that probation gets each incident about them. */
  private List<String> cohort() {
    List<String> nominals = new ArrayList<>();
    for (int p = 1; p <= PEOPLE; p++) {
      Patient person = new Patient();
      person.addIdentifier(new Identifier().setSystem(PNC).setValue(String.format("2013/06%05dK", p)));
      person.addIdentifier(new Identifier().setSystem(CRN).setValue(String.format("Y%06d", p)));
      Bundle record = new Bundle();
      record.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(person);
      identities.learnFrom(record, "outage-setup-" + p);
      nominals.add(String.format("N06%05d", p));
    }
    return nominals;
  }

  private void send(GatewayClient gateway, String token, int i, List<String> people, Map<String, String> subjects) {
    int person = i % people.size() + 1;
    String incidentRef = String.format("NP-2026-96%04d", i);
    Bundle incident = MessageBuilder.example("incident-reported").fresh()
        .renumber("N0048213", people.get(person - 1)).renumber("2013/0456789K", String.format("2013/06%05dK", person))
        .renumber("N0051120", String.format("N05%05d", i)).renumber("N0051121", String.format("N04%05d", i))
        .build();
    incident.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(org.hl7.fhir.r4.model.Basic.class::isInstance).map(org.hl7.fhir.r4.model.Basic.class::cast)
        .forEach(record -> record.getIdentifierFirstRep().setValue(incidentRef));
    subjects.put(incidentRef, MessageEnvelope.of(incident).subjectKey());
    assertThat(gateway.processMessage(token, MessageBuilder.json(incident)).statusCode()).isEqualTo(200);
  }

  private int toProbation() {
    return simulators.probation().outbound().received().size();
  }
}
