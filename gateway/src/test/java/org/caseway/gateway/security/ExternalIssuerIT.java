package org.caseway.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.caseway.gateway.support.EmbeddedGatewayProperties;
import org.caseway.gateway.support.FakeOidcIssuer;
import org.caseway.gateway.support.GatewayClient;
import org.caseway.gateway.support.Messages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production's security, {@code caseway.security.issuer-mode=external}, against a stand-in for the
 * Keycloak realm: only that issuer's tokens are accepted, and the local issuer does not exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ExternalIssuerIT {

  private static final String MH_TRUST = "northshire-mh-trust";
  private static final FakeOidcIssuer KEYCLOAK = FakeOidcIssuer.start();
  private static final Path DATA_DIR = EmbeddedGatewayProperties.freshDataDir("external-issuer");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  GatewayClient gateway;

  @DynamicPropertySource
  static void externalIssuer(DynamicPropertyRegistry registry) {
    EmbeddedGatewayProperties.register(registry, DATA_DIR);
    registry.add("caseway.security.issuer-mode", () -> "external");
    registry.add("caseway.security.external-issuer-uri", KEYCLOAK::issuer);
  }

  @AfterAll
  static void stopIssuer() {
    KEYCLOAK.close();
  }

  @BeforeEach
  void connect() {
    gateway = new GatewayClient(port);
  }

  @Test
  void acceptsAMessageWithTheIssuersToken() {
    HttpResponse<String> response =
        gateway.processMessage(KEYCLOAK.tokenFor(MH_TRUST), Messages.json(Messages.riskFlagRaised()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  void refusesATokenSignedByAKeyTheIssuerDoesNotPublish() {
    HttpResponse<String> response =
        gateway.processMessage(
            KEYCLOAK.tokenSignedByAnotherKey(MH_TRUST), Messages.json(Messages.riskFlagRaised()));

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void refusesATokenNamingAnotherIssuer() {
    HttpResponse<String> response =
        gateway.processMessage(
            KEYCLOAK.tokenFromAnotherIssuer(MH_TRUST), Messages.json(Messages.riskFlagRaised()));

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void refusesAnExpiredToken() {
    assertRefused(KEYCLOAK.expiredToken(MH_TRUST, java.time.Duration.ofMinutes(5)));
  }

  @Test
  void refusesATokenNotYetValid() {
    assertRefused(KEYCLOAK.tokenNotValidBefore(MH_TRUST, java.time.Instant.now().plusSeconds(600)));
  }

  @Test
  void refusesAnUnsignedTokenWithAlgNone() {
    assertRefused(KEYCLOAK.unsignedToken(MH_TRUST));
  }

  @Test
  void refusesAnHmacTokenSignedWithTheRealmsPublicKey() {
    assertRefused(KEYCLOAK.tokenHmacSignedWithThePublicKey(MH_TRUST));
  }

  private void assertRefused(String token) {
    HttpResponse<String> response =
        gateway.processMessage(token, Messages.json(Messages.riskFlagRaised()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.body()).contains("OperationOutcome");
  }

  @Test
  void runsNoLocalIssuer() {
    assertThat(gateway.requestToken(MH_TRUST, "local-only-northshire-mh-trust-secret").statusCode())
        .isEqualTo(401);
    assertThat(gateway.get("/oauth2/jwks", null).statusCode()).isEqualTo(401);
    assertThat(context.getBeanProvider(RegisteredClientRepository.class).getIfAvailable()).isNull();
  }
}
