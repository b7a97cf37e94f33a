package org.caseway.gateway.accept;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.caseway.gateway.support.EmbeddedGatewayProperties;
import org.caseway.gateway.support.GatewayClient;
import org.caseway.gateway.support.Messages;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded default end to end: in-process Kafka, H2 file database, the local token issuer, over
 * real HTTP. Adds the edge (parsing, media types, sizes) and security cases to the shared contract.
 */
class AcceptMessageIT extends AcceptPathContract {

  private static final Path DATA_DIR = EmbeddedGatewayProperties.freshDataDir("accept-message");

  @Autowired JWKSource<SecurityContext> localIssuerKeys;

  @DynamicPropertySource
  static void embeddedDefault(DynamicPropertyRegistry registry) {
    EmbeddedGatewayProperties.register(registry, DATA_DIR);
  }

  @Test
  void refusesAMessageWithoutMessageHeaderAsNonconformantAndWritesNothing() {
    Bundle message = Messages.riskFlagRaised();
    message.getEntry().remove(0);

    HttpResponse<String> response =
        gateway.processMessage(gateway.token(MH_TRUST), Messages.json(message));

    assertRefused(response, 422, "MESSAGE_NONCONFORMANT");
    assertThat(GatewayClient.parse(response, OperationOutcome.class).getIssue())
        .anySatisfy(issue -> assertThat(issue.getDiagnostics()).contains("MessageHeader"));
    assertNothingWritten(message.getIdElement().getIdPart());
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json at all", "{\"resourceType\": \"Patient\"}", "{\"resourceType\": \"Bundle\""})
  void refusesABodyThatIsNotAFhirJsonBundleWith400(String body) {
    assertRefused(gateway.processMessage(gateway.token(MH_TRUST), body), 400, "MESSAGE_UNREADABLE");
  }

  @Test
  void acceptsPlainJsonAsContentTypeToo() {
    Bundle message = Messages.riskFlagRaised();

    HttpResponse<String> response =
        gateway.processMessage(gateway.token(MH_TRUST), Messages.json(message), "application/json");

    assertOkResponseTo(response, message);
  }

  @Test
  void refusesOtherContentTypesWith415() {
    HttpResponse<String> response =
        gateway.processMessage(
            gateway.token(MH_TRUST), Messages.json(Messages.riskFlagRaised()), "application/xml");

    assertRefused(response, 415, "UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void refusesAnOversizedBodyWith413() {
    String twoMegabytes = "{\"resourceType\":\"Bundle\",\"x\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";

    assertRefused(gateway.processMessage(gateway.token(MH_TRUST), twoMegabytes), 413, "MESSAGE_TOO_LARGE");
  }

  @Test
  void refusesACallWithoutTokenWith401AndWritesNothing() {
    Bundle message = Messages.riskFlagRaised();

    HttpResponse<String> response = gateway.processMessage(null, Messages.json(message));

    assertRefused(response, 401, "AUTHENTICATION_REQUIRED");
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
    assertNothingWritten(message.getIdElement().getIdPart());
  }

  @Test
  void refusesAnExpiredTokenWith401() {
    Instant anHourAgo = Instant.now().minusSeconds(3600);
    String expired = signedByTheLocalIssuer(MH_TRUST, "caseway-gateway", anHourAgo.minusSeconds(300), anHourAgo);
    Bundle message = Messages.riskFlagRaised();

    HttpResponse<String> response = gateway.processMessage(expired, Messages.json(message));

    assertRefused(response, 401, "AUTHENTICATION_REQUIRED");
    assertThat(response.body()).doesNotContain(expired);
    assertNothingWritten(message.getIdElement().getIdPart());
  }

  @Test
  void refusesATokenForAnotherAudienceWith401() {
    Instant now = Instant.now();
    String forAnotherService = signedByTheLocalIssuer(MH_TRUST, "another-service", now, now.plusSeconds(300));

    assertRefused(
        gateway.processMessage(forAnotherService, Messages.json(Messages.riskFlagRaised())),
        401,
        "AUTHENTICATION_REQUIRED");
  }

  @Test
  void refusesATokenThatIsNotAJwtWith401() {
    assertRefused(
        gateway.processMessage("not-a-token", Messages.json(Messages.riskFlagRaised())),
        401,
        "AUTHENTICATION_REQUIRED");
  }

  @Test
  void refusesWrongClientCredentialsAtTheTokenEndpoint() {
    assertThat(gateway.requestToken(MH_TRUST, "guessed").statusCode()).isEqualTo(401);
  }

  @Test
  void refusesAPartnerSendingAsAnotherWith403AndWritesNothing() {
    Bundle fromMhTrust = Messages.riskFlagRaised();

    HttpResponse<String> response =
        gateway.processMessage(gateway.token("northshire-police"), Messages.json(fromMhTrust));

    assertRefused(response, 403, "SENDER_MISMATCH");
    assertThat(response.body()).doesNotContain("mh-trust");
    assertNothingWritten(fromMhTrust.getIdElement().getIdPart());
  }

  @Test
  void servesTheGuidesCapabilityStatementWithoutAToken() {
    HttpResponse<String> response = gateway.get("/fhir/metadata", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/fhir+json"));
    assertThat(GatewayClient.parse(response, CapabilityStatement.class).getUrl())
        .isEqualTo(org.caseway.conformance.ImplementationGuide.load().capabilityStatement().getUrl());
  }

  @Test
  void reportsHealthWithoutAToken() {
    HttpResponse<String> response = gateway.get("/actuator/health", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"status\":\"UP\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/metrics"})
  void exposesNoOtherActuatorEndpointEvenWithAToken(String path) {
    assertThat(gateway.get(path, gateway.token(MH_TRUST)).statusCode()).isEqualTo(404);
  }

  private String signedByTheLocalIssuer(String partner, String audience, Instant issuedAt, Instant expiresAt) {
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .subject(partner)
            .claim("partner", partner)
            .claim("roles", List.of("partner"))
            .audience(List.of(audience))
            .issuedAt(issuedAt)
            .notBefore(issuedAt)
            .expiresAt(expiresAt)
            .build();
    return new NimbusJwtEncoder(localIssuerKeys)
        .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
        .getTokenValue();
  }

  private static void assertRefused(HttpResponse<String> response, int status, String errorCode) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/fhir+json"));
    OperationOutcome outcome = GatewayClient.parse(response, OperationOutcome.class);
    assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo(errorCode);
  }
}
