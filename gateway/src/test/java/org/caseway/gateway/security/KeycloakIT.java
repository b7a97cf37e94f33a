package org.caseway.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.support.EmbeddedGatewayProperties;
import org.caseway.gateway.support.GatewayClient;
import org.caseway.gateway.support.KeycloakServer;
import org.caseway.gateway.support.Messages;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production's security against a real Keycloak server with the Northshire realm imported from
 * {@code examples/northshire/keycloak/}: the tokens partners, the data sharing manager and
 * conformance testers really get, and what the gateway lets each of them do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class KeycloakIT {

  private static final KeycloakServer KEYCLOAK = KeycloakServer.start();
  private static final Path DATA_DIR = EmbeddedGatewayProperties.freshDataDir("keycloak");

  @LocalServerPort int port;
  GatewayClient gateway;

  @DynamicPropertySource
  static void realm(DynamicPropertyRegistry registry) {
    EmbeddedGatewayProperties.register(registry, DATA_DIR);
    registry.add("caseway.security.issuer-mode", () -> "external");
    registry.add("caseway.security.external-issuer-uri", KEYCLOAK::issuer);
  }

  @AfterAll
  static void stopKeycloak() {
    KEYCLOAK.close();
  }

  @BeforeEach
  void connect() {
    gateway = new GatewayClient(port);
  }

  @Test
  void aPartnersRealmTokenNamesItsPartnerTheGatewayAndItsRole() {
    Map<String, Object> claims = claims(secretToken("northshire-mh-trust"));

    assertThat(claims.get("partner")).isEqualTo("northshire-mh-trust");
    assertThat(claims.get("iss")).isEqualTo(KEYCLOAK.issuer());
    assertThat(String.valueOf(claims.get("aud"))).contains("caseway-gateway");
    assertThat(String.valueOf(claims.get("roles"))).contains("partner");
  }

  @Test
  void acceptsAMessageSentWithTheRealmsTokenForItsSender() {
    HttpResponse<String> response =
        gateway.processMessage(
            secretToken("northshire-mh-trust"), Messages.json(Messages.riskFlagRaised()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  void probationAuthenticatesWithASignedJwtAndSendsAsItself() {
    HttpResponse<String> response =
        gateway.processMessage(KEYCLOAK.probationTokenBySignedJwt(), Messages.json(iomCohortChanged()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  void theRealmRefusesProbationsClientAssertionSignedByAnotherKey() {
    HttpResponse<String> response = KEYCLOAK.probationTokenResponseSignedByAnotherKey();

    assertThat(response.statusCode()).as(response.body()).isIn(400, 401);
  }

  @Test
  void refusesAPartnerSendingAsAnother() {
    HttpResponse<String> response =
        gateway.processMessage(
            secretToken("northshire-police"), Messages.json(Messages.riskFlagRaised()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(response.body()).contains("SENDER_MISMATCH").contains("urn:caseway:partner:northshire-police");
  }

  @Test
  void refusesAConformanceTestersTokenForRealMessages() {
    HttpResponse<String> response =
        gateway.processMessage(
            secretToken("northshire-conformance-tester"), Messages.json(Messages.riskFlagRaised()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
  }

  @Test
  void refusesATokenOfTheRealmIssuedForAnotherAudience() {
    HttpResponse<String> response =
        gateway.processMessage(
            secretToken("northshire-other-service"), Messages.json(Messages.riskFlagRaised()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
  }

  @Test
  void theAdminApiNeedsTheDataSharingManagersRole() {
    String unknownAdminPath = "/admin/no-such-thing";

    assertThat(gateway.get(unknownAdminPath, secretToken("northshire-mh-trust")).statusCode())
        .isEqualTo(403);
    assertThat(gateway.get(unknownAdminPath, secretToken("northshire-conformance-tester")).statusCode())
        .isEqualTo(403);
    assertThat(gateway.get(unknownAdminPath, secretToken("northshire-data-sharing-manager")).statusCode())
        .as("past security, to an endpoint that does not exist")
        .isEqualTo(404);
  }

  @Test
  void theDataSharingManagerCannotSendMessages() {
    HttpResponse<String> response =
        gateway.processMessage(
            secretToken("northshire-data-sharing-manager"), Messages.json(Messages.riskFlagRaised()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
  }

  @Test
  void aSuspendedPartnersRealmTokenIsRefusedAtOnceAndAcceptedAgainOnceReinstated() {
    String dsm = secretToken("northshire-data-sharing-manager");
    String councilToken = secretToken("northshire-council");
    String reason = "{\"reason\":\"Keycloak IT: suspended for the test\"}";
    assertThat(gateway.postJson("/admin/partners/northshire-council/$suspend", dsm, reason).statusCode()).isEqualTo(200);
    try {
      HttpResponse<String> suspended = gateway.get("/fhir/metadata-does-not-matter", councilToken);
      assertThat(suspended.statusCode()).isEqualTo(403);
      assertThat(suspended.body()).contains("PARTNER_NOT_ACTIVE");
    } finally {
      assertThat(gateway.postJson("/admin/partners/northshire-council/$reinstate", dsm,
          "{\"reason\":\"Keycloak IT: reinstated\"}").statusCode()).isEqualTo(200);
    }
    assertThat(gateway.get("/fhir/metadata-does-not-matter", councilToken).statusCode())
        .as("past the partner check, to an endpoint that does not exist").isEqualTo(404);
  }

  private static String secretToken(String clientId) {
    return KEYCLOAK.token(clientId, "local-only-" + clientId + "-secret");
  }

  private static Map<String, Object> claims(String token) {
    String payload = token.split("\\.")[1];
    return JsonParserFactory.getJsonParser()
        .parseMap(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
  }

  /** Probation's IOM cohort example with a fresh message id. */
  private static Bundle iomCohortChanged() {
    Bundle bundle = (Bundle) ImplementationGuide.load().example("Bundle-example-iom-cohort-changed").copy();
    bundle.setId(UUID.randomUUID().toString());
    String headerId = UUID.randomUUID().toString();
    bundle.getEntryFirstRep().setFullUrl("urn:uuid:" + headerId);
    ((MessageHeader) bundle.getEntryFirstRep().getResource()).setId(headerId);
    return bundle;
  }
}
