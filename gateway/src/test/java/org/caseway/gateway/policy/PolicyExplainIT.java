package org.caseway.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.support.EmbeddedGatewayProperties;
import org.caseway.gateway.support.GatewayClient;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code $explain} and {@code $reload} over real HTTP, with real tokens from the local issuer: the
 * data sharing manager may call them, a partner may not; the explanation is the engine's decision.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PolicyExplainIT {

  private static final Path DATA_DIR = EmbeddedGatewayProperties.freshDataDir("policy-explain");
  private static final String MANAGER = "northshire-data-sharing-manager";
  private static final Instant AT = Instant.parse("2026-11-03T10:00:00Z");

  @DynamicPropertySource
  static void embeddedDefault(DynamicPropertyRegistry registry) {
    EmbeddedGatewayProperties.register(registry, DATA_DIR);
  }

  @LocalServerPort int port;
  @Autowired PolicyEngine engine;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper mapper = new ObjectMapper();
  private GatewayClient gateway;

  @BeforeEach
  void connect() {
    gateway = new GatewayClient(port);
  }

  /** Probation raises a marker on someone on its caseload: the police receive it under ISA-IOM. */
  private static Bundle riskFlagRaisedByProbation() {
    Bundle message = (Bundle) ImplementationGuide.load().example("Bundle-example-risk-flag-lifted").copy();
    ((org.hl7.fhir.r4.model.MessageHeader) message.getEntryFirstRep().getResource()).getEventCoding()
        .setCode("risk-flag-raised");
    return message;
  }

  @Test
  void explainsADisclosureExactlyAsTheEngineDecidesIt() throws IOException {
    Bundle message = riskFlagRaisedByProbation();

    HttpResponse<String> response = explain(gateway.token(MANAGER), message, "northshire-police");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode explanation = mapper.readTree(response.body());
    PolicyDecision decision = engine.decide(message, "northshire-police", AT);
    assertThat(explanation.path("disclosesAnything").asBoolean()).isTrue();
    assertThat(explanation.path("disclosures")).hasSize(1);
    JsonNode disclosure = explanation.path("disclosures").get(0);
    assertThat(disclosure.path("agreement").asText()).isEqualTo("ISA-IOM");
    assertThat(disclosure.path("version").asInt()).isEqualTo(1);
    assertThat(disclosure.path("purpose").asText()).isEqualTo("IOM");
    assertThat(disclosure.path("view")).isEqualTo(mapper.readTree(
        ImplementationGuide.load().fhirContext().newJsonParser().encodeResourceToString(decision.disclosures().get(0).view())));
    assertThat(explanation.path("reasons")).hasSize(decision.reasons().size());
    for (int i = 0; i < decision.reasons().size(); i++) {
      assertThat(explanation.path("reasons").get(i).path("rule").asText()).isEqualTo(decision.reasons().get(i).rule());
      assertThat(explanation.path("reasons").get(i).path("outcome").asText()).isEqualTo(decision.reasons().get(i).outcome());
    }
  }

  @Test
  void explainsAWithholdingWithItsCodeAndReason() throws IOException {
    Bundle incident = (Bundle) ImplementationGuide.load().example("Bundle-example-incident-reported").copy();

    HttpResponse<String> response = explain(gateway.token(MANAGER), incident, "northshire-probation");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode explanation = mapper.readTree(response.body());
    assertThat(explanation.path("disclosesAnything").asBoolean()).isFalse();
    assertThat(explanation.path("withholdings").findValuesAsText("code"))
        .contains("SOURCE_ONLY_ROLE", "SUBJECT_NOT_LINKED", "NO_SUBJECT_QUALIFIES");
    assertThat(explanation.path("withholdings").get(0).path("subjects").get(0).get(0).asText())
        .isEqualTo("https://id.northshire.police.uk/nominal|N0051121");
  }

  @Test
  void refusesAPartnerToken() {
    HttpResponse<String> response = explain(gateway.token("northshire-police"), riskFlagRaisedByProbation(), "northshire-police");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("ACCESS_DENIED");
  }

  @Test
  void refusesACallWithoutAToken() {
    assertThat(explain(null, riskFlagRaisedByProbation(), "northshire-police").statusCode()).isEqualTo(401);
  }

  @Test
  void refusesABundleThatIsNotAMessage() {
    Bundle notAMessage = riskFlagRaisedByProbation().setType(Bundle.BundleType.COLLECTION);

    HttpResponse<String> response = explain(gateway.token(MANAGER), notAMessage, "northshire-police");

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("MESSAGE_NOT_EVALUABLE", "Bundle.type must be 'message'");
  }

  @Test
  void reloadsTheAgreementsForTheManagerOnly() throws IOException {
    HttpResponse<String> refused = post("/admin/agreements/$reload", gateway.token("northshire-council"), "");
    HttpResponse<String> reloaded = post("/admin/agreements/$reload", gateway.token(MANAGER), "");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(reloaded.statusCode()).isEqualTo(200);
    JsonNode body = mapper.readTree(reloaded.body());
    assertThat(body.path("loaded").asBoolean()).isTrue();
    assertThat(body.path("inForce").findValuesAsText("id")).containsExactly("ISA-ASB", "ISA-IOM", "ISA-VUL");
    assertThat(body.path("problems")).isEmpty();
  }

  private HttpResponse<String> explain(String token, Bundle message, String recipient) {
    return post("/admin/policy/$explain?recipient=" + recipient + "&at=" + AT, token,
        ImplementationGuide.load().fhirContext().newJsonParser().encodeResourceToString(message));
  }

  private HttpResponse<String> post(String path, String token, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", GatewayClient.FHIR_JSON)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
