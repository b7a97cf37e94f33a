package org.caseway.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.support.EmbeddedGatewayProperties;
import org.caseway.gateway.support.GatewayClient;
import org.caseway.gateway.support.KeycloakServer;
import org.caseway.gateway.support.Messages;
import org.caseway.gateway.support.RealmTokenForgery;
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
  private static final RealmTokenForgery FORGE = new RealmTokenForgery(KEYCLOAK.realmSigningKey());
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

  // The refusal matrix on real tokens: each forgery below is a token the realm just issued, changed
  // in one respect. The first test shows the forging itself is faithful (the realm really signs
  // with the harness's key, and an unchanged re-signed token is accepted), so each refusal that
  // follows is for the one respect changed, not for an artefact of forging.

  @Test
  void theRealmSignsWithTheHarnessKeySoAReSignedRealTokenIsAcceptedAsTheRealOneIs() throws Exception {
    String real = secretToken("northshire-mh-trust");

    assertThat(SignedJWT.parse(real).verify(new RSASSAVerifier(KEYCLOAK.realmSigningKey().publicKey())))
        .as("the realm signed with the key the harness provisioned").isTrue();
    assertThat(KEYCLOAK.publishedKeys())
        .contains(Base64URL.encode(KEYCLOAK.realmSigningKey().publicKey().getModulus()).toString());
    assertThat(sendRiskFlag(FORGE.resigned(real)).statusCode()).isEqualTo(200);
  }

  @Test
  void refusesARequestWithoutAToken() {
    assertUnauthorized(sendRiskFlag(null));
  }

  @Test
  void refusesARealTokenThatHasExpired() {
    assertUnauthorized(sendRiskFlag(FORGE.expired(secretToken("northshire-mh-trust"), Duration.ofMinutes(10))));
  }

  @Test
  void refusesARealTokenNotYetValid() {
    assertUnauthorized(sendRiskFlag(FORGE.notValidBefore(secretToken("northshire-mh-trust"), Duration.ofMinutes(10))));
  }

  @Test
  void refusesARealTokenNamingAnotherIssuer() {
    String elsewhere = KEYCLOAK.issuer().replace("/realms/northshire", "/realms/elsewhere");

    assertUnauthorized(sendRiskFlag(FORGE.namingIssuer(secretToken("northshire-mh-trust"), elsewhere)));
  }

  @Test
  void refusesARealTokenWhosePartnerClaimWasChangedUnderItsSignature() {
    String police = secretToken("northshire-police");

    assertUnauthorized(sendRiskFlag(FORGE.tampered(police, "partner", "northshire-mh-trust")));
  }

  @Test
  void refusesARealTokenSignedByAnotherKeyUnderTheRealmsKeyId() {
    assertUnauthorized(sendRiskFlag(FORGE.signedByAnotherKey(secretToken("northshire-mh-trust"))));
  }

  @Test
  void refusesARealTokenWithAlgNoneAndNoSignature() {
    assertUnauthorized(sendRiskFlag(FORGE.unsigned(secretToken("northshire-mh-trust"))));
  }

  @Test
  void refusesARealTokenHmacSignedWithTheRealmsPublishedPublicKey() {
    assertUnauthorized(sendRiskFlag(FORGE.hmacKeyedWithThePublicKey(secretToken("northshire-mh-trust"))));
  }

  @Test
  void aWithdrawnPartnersRealmTokenIsRefused() {
    String dsm = secretToken("northshire-data-sharing-manager");
    String housingToken = secretToken("northshire-housing");
    assertThat(gateway.get("/fhir/metadata-does-not-matter", housingToken).statusCode())
        .as("housing is active before the withdrawal").isEqualTo(404);

    assertThat(gateway.postJson("/admin/partners/northshire-housing/$withdraw", dsm,
        "{\"reason\":\"Keycloak IT: withdrawn for the test\"}").statusCode()).isEqualTo(200);

    HttpResponse<String> withdrawn = gateway.get("/fhir/metadata-does-not-matter", housingToken);
    assertThat(withdrawn.statusCode()).isEqualTo(403);
    assertThat(withdrawn.body()).contains("PARTNER_NOT_ACTIVE");
    assertThat(gateway.get("/fhir/metadata-does-not-matter", secretToken("northshire-housing")).statusCode())
        .as("a token issued after the withdrawal").isEqualTo(403);
  }

  private HttpResponse<String> sendRiskFlag(String token) {
    return gateway.processMessage(token, Messages.json(Messages.riskFlagRaised()));
  }

  private static void assertUnauthorized(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.body()).contains("OperationOutcome");
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
