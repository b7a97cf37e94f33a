package org.caseway.gateway.scenario;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.caseway.gateway.support.EmbeddedGatewayProperties;
import org.caseway.northshire.simulators.CouncilSimulator;
import org.caseway.northshire.simulators.DropFolders;
import org.caseway.northshire.simulators.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A partner joins with configuration only, as agency IT and the data sharing manager would add it:
 * a partners file entry (existing styles: the council product's change feed in, a REST push out),
 * a mapping folder for its notification format, and an agreement document. The test only writes
 * those files (the Northshire ones plus the newcomer's) and starts the gateway on them; no Java of
 * the gateway's is added. The parish council then takes part: its feed's cases are accepted as its
 * messages, and it receives, in its own format, what its agreement allows from the police export.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class NewPartnerByConfigurationIT {

  static final String PARISH = "kettleby-parish-council";
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Path DATA_DIR = EmbeddedGatewayProperties.freshDataDir("new-partner");
  private static final Path CONFIG = DATA_DIR.resolve("partnership");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final WireMockServer parishAlerts = new WireMockServer(options().dynamicPort());
  private static final CouncilSimulator parishCases = CouncilSimulator.start(0, "test-only-parish-key");

  static {
    parishAlerts.start();
    parishAlerts.stubFor(post(urlEqualTo("/alerts")).willReturn(aResponse().withStatus(201)));
    writePartnershipFiles();
  }

  @DynamicPropertySource
  static void partnership(DynamicPropertyRegistry registry) {
    EmbeddedGatewayProperties.register(registry, DATA_DIR);
    registry.add("caseway.partners.file", () -> CONFIG.resolve("partners.yaml").toUri().toString());
    registry.add("caseway.agreements.location", () -> CONFIG.resolve("agreements").toUri() + "*.yaml");
    registry.add("caseway.channels.mappings-dir", () -> CONFIG.resolve("mappings").toString());
    registry.add("caseway.test.parish-cases-url", () -> parishCases.baseUrl() + "/api/v2/cases/changes");
    registry.add("caseway.test.parish-alerts-url", () -> parishAlerts.baseUrl() + "/alerts");
  }

  @AfterAll
  static void stopParish() {
    parishAlerts.stop();
    parishCases.close();
  }

  @Autowired JdbcClient jdbc;

  @Test
  void theParishTakesPartThroughItsOwnChannelsFormatAndAgreement() {
    Path export = DropFolders.drop(DATA_DIR.resolve("drop/police"), Samples.POLICE_EXPORT,
        Samples.bytes(Samples.POLICE_EXPORT));
    await().atMost(WAIT).until(() -> Files.exists(export.resolveSibling("done").resolve(export.getFileName())));

    await().atMost(WAIT).until(() -> parishAlerts.findAll(postRequestedFor(urlEqualTo("/alerts"))).size() >= 2);
    List<JsonNode> alerts = parishAlerts.findAll(postRequestedFor(urlEqualTo("/alerts"))).stream()
        .map(request -> json(request.getBodyAsString())).toList();
    assertThat(alerts).extracting(a -> a.get("about").asText()).containsExactlyInAnyOrder("Whitfield", "Nowak");
    assertThat(alerts).allSatisfy(a -> {
      assertThat(a.get("reference").asText()).isEqualTo("NP-2026-004512");
      assertThat(a.get("agreement").asText()).as("the view carries the agreement it was made under")
          .isEqualTo("ISA-PARISH");
      assertThat(a.has("markers")).as("identity and incident only: no risk").isFalse();
    });
    assertThat(parishAlerts.findAll(postRequestedFor(urlEqualTo("/alerts"))).get(0).getHeader("X-Api-Key"))
        .isEqualTo("test-only-parish-alerts-key");

    parishCases.publishSampleChanges();
    await().atMost(WAIT).until(() -> jdbc.sql(
            "SELECT COUNT(*) FROM accepted_message WHERE source_partner = ? AND event_code = 'case-opened'")
        .param(PARISH).query(Integer.class).single() == 2);
  }

  /** What an administrator would write: the Northshire files, plus the parish's entry, mapping and agreement. */
  private static void writePartnershipFiles() {
    try {
      Files.createDirectories(CONFIG.resolve("agreements"));
      Files.createDirectories(CONFIG.resolve("mappings/parish-alert"));
      String northshire = classpathText("caseway/northshire/partners.yaml");
      Files.writeString(CONFIG.resolve("partners.yaml"), northshire + PARISH_ENTRY);
      for (var agreement : new PathMatchingResourcePatternResolver().getResources("classpath:caseway/northshire/agreements/*.yaml")) {
        try (InputStream in = agreement.getInputStream()) {
          Files.write(CONFIG.resolve("agreements").resolve(agreement.getFilename()), in.readAllBytes());
        }
      }
      Files.writeString(CONFIG.resolve("agreements/isa-parish-v1.yaml"), PARISH_AGREEMENT);
      Files.writeString(CONFIG.resolve("mappings/parish-alert/mapping.yaml"), PARISH_MAPPING);
      Files.writeString(CONFIG.resolve("mappings/parish-alert/alert.jsonata"), PARISH_TEMPLATE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String PARISH_ENTRY = """
        - id: kettleby-parish-council
          name: Kettleby Parish Council
          status: active
          channels:
            in:
              type: rest-change-feed
              url: ${caseway.test.parish-cases-url}
              api-key: test-only-parish-key
              mapping: council-asb-case
              param.partner-id: kettleby-parish-council
              param.partner-name: Kettleby Parish Council
              poll-interval: 1s
            out:
              type: rest-push
              url: ${caseway.test.parish-alerts-url}
              api-key: test-only-parish-alerts-key
              mapping: parish-alert
          subscriptions:
            - events: [incident-reported]
              purposes: [ASB]
      """;

  private static final String PARISH_AGREEMENT = """
      id: ISA-PARISH
      version: 1
      title: Parish notifications of anti-social behaviour
      status: active
      valid-from: 2026-01-01
      valid-to: 2028-12-31
      legal-basis: [UK GDPR Art. 6(1)(e)]
      parties: [northshire-police, kettleby-parish-council]
      purposes: [ASB]
      rules:
        - from: northshire-police
          to: kettleby-parish-council
          share: [identity, incident]
      """;

  private static final String PARISH_MAPPING = """
      id: parish-alert
      description: A canonical message (the parish's view) to the parish's alert JSON, one per person
      engine: jsonata
      output: json
      expression: alert.jsonata
      parameters:
        disclosure-id: ""
      """;

  private static final String PARISH_TEMPLATE = """
      (
        $bundle := $;
        $header := entry[0].resource;
        $focus := $bundle.entry[fullUrl = $header.focus[0].reference].resource;
        entry.resource[resourceType = 'Patient'].(
          $person := $;
          $flags := $bundle.entry.resource[resourceType = 'Flag' and subject.reference = 'urn:uuid:' & $person.id];
          {
            'id': $uuid('parish/' & $params.'disclosure-id' & '|' & $person.id),
            'about': $person.name[0].family,
            'reference': $focus.identifier[0].value,
            'agreement': $bundle.meta.tag[system = 'urn:caseway:agreement'].code,
            'markers': $count($flags) > 0 ? $flags.code.coding.code : undefined
          }
        )
      )
      """;

  private static String classpathText(String path) throws IOException {
    try (InputStream in = NewPartnerByConfigurationIT.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
