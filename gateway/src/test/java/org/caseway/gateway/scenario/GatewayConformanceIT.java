package org.caseway.gateway.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.kit.ConformanceKit;
import org.caseway.conformance.kit.KitOptions;
import org.caseway.conformance.kit.Level;
import org.caseway.conformance.kit.SuiteResult;
import org.caseway.conformance.kit.report.TestReportWriter;
import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.gateway.simulators.NorthshireSimulators;
import org.caseway.gateway.support.EmbeddedGatewayProperties;
import org.caseway.gateway.support.GatewayClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The conformance kit against the real gateway and the reference receiver, and the onboarding it
 * serves: a partner still onboarding cannot be switched on until it has passed the core level of a
 * suite, recorded from the kit's own TestReport; then it can.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class GatewayConformanceIT {

  static final String TRUST = "northshire-mh-trust";
  static final String DSM = "northshire-data-sharing-manager";
  private static final Path DATA_DIR = EmbeddedGatewayProperties.freshDataDir("gateway-conformance");

  @DynamicPropertySource
  static void trustStillOnboarding(DynamicPropertyRegistry registry) throws IOException {
    EmbeddedGatewayProperties.register(registry, DATA_DIR);
    Files.createDirectories(DATA_DIR);
    Path partners = DATA_DIR.resolve("partners.yaml");
    String northshire = new String(GatewayConformanceIT.class.getClassLoader()
        .getResourceAsStream("caseway/northshire/partners.yaml").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    Files.writeString(partners, northshire.replaceFirst(
        "(?s)(- id: northshire-mh-trust\\s+name: [^\\n]+\\s+status: )active", "$1onboarding"));
    registry.add("caseway.partners.file", () -> partners.toUri().toString());
  }

  @LocalServerPort int port;
  @Autowired CasewayValidator validator;
  @Autowired NorthshireSimulators simulators;

  @Test
  void theGatewayPassesItsOwnSuiteAtTheFullLevel() {
    GatewayClient gateway = new GatewayClient(port);

    SuiteResult result = new ConformanceKit(validator).run("gateway", "http://localhost:" + port + "/fhir",
        KitOptions.defaults().withToken(gateway.token("northshire-police")).withPartner("northshire-police"));

    assertThat(result.tests()).allSatisfy(test ->
        assertThat(test.problems()).as(test.id()).isEmpty());
    assertThat(result.levelReached()).contains(Level.FULL);
  }

  @Test
  void anOnboardingPartnerIsSwitchedOnOnlyOnceItsPassOfTheCoreLevelIsRecorded() throws Exception {
    GatewayClient gateway = new GatewayClient(port);
    String dsm = gateway.token(DSM);
    String reason = "{\"reason\":\"the trust's receiver passed the conformance kit\"}";

    HttpResponse<String> tooEarly = gateway.postJson("/admin/partners/" + TRUST + "/$activate", dsm, reason);
    assertThat(tooEarly.statusCode()).isEqualTo(409);
    assertThat(tooEarly.body()).contains("core level");

    SuiteResult receiver = new ConformanceKit(validator).run("receiver", simulators.trust().fhirBase(),
        KitOptions.defaults().withPartner(TRUST));
    assertThat(receiver.levelReached()).as("the reference receiver").isPresent();
    String report = ImplementationGuide.load().fhirContext().newJsonParser()
        .encodeResourceToString(TestReportWriter.toTestReport(receiver));

    assertThat(postReport("northshire-council", report, dsm).statusCode()).as("a report about another partner")
        .isEqualTo(400);
    HttpResponse<String> recorded = postReport(TRUST, report, dsm);
    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
    assertThat(recorded.body()).contains("\"suite\":\"receiver\"").contains("\"level\":\"full\"");

    HttpResponse<String> activated = gateway.postJson("/admin/partners/" + TRUST + "/$activate", dsm, reason);
    assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
    assertThat(gateway.get("/admin/partners/" + TRUST, dsm).body()).contains("\"status\":\"ACTIVE\"");
  }

  private HttpResponse<String> postReport(String partner, String report, String token) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/admin/partners/" + partner + "/conformance"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
        .POST(HttpRequest.BodyPublishers.ofString(report)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
