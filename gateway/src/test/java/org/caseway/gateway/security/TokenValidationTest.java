package org.caseway.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class TokenValidationTest {

  private static final String ISSUER = "https://keycloak.example/realms/northshire";

  private final OAuth2TokenValidator<Jwt> external = TokenValidation.validator("caseway-gateway", ISSUER);
  private final OAuth2TokenValidator<Jwt> local = TokenValidation.validator("caseway-gateway", null);

  @Test
  void acceptsAPartnerTokenForTheGateway() {
    assertThat(external.validate(token(b -> {})).hasErrors()).isFalse();
  }

  @Test
  void refusesATokenForAnotherAudience() {
    assertThat(external.validate(token(b -> b.audience(List.of("another-service")))).hasErrors()).isTrue();
  }

  @Test
  void refusesATokenWithoutPartner() {
    assertThat(external.validate(token(b -> b.claims(c -> c.remove("partner")))).hasErrors()).isTrue();
  }

  @Test
  void refusesAnExpiredToken() {
    Instant anHourAgo = Instant.now().minusSeconds(3600);
    assertThat(
            local
                .validate(token(b -> b.issuedAt(anHourAgo.minusSeconds(300)).expiresAt(anHourAgo)))
                .hasErrors())
        .isTrue();
  }

  @Test
  void refusesAnotherIssuerWhenOneIsConfigured() {
    Jwt foreign = token(b -> b.issuer("https://elsewhere.example/realms/northshire"));

    assertThat(external.validate(foreign).hasErrors()).isTrue();
    assertThat(local.validate(foreign).hasErrors()).isFalse();
  }

  @Test
  void theAuthenticationIsNamedAfterThePartnerWithItsRolesAsAuthorities() {
    JwtAuthenticationToken authentication =
        (JwtAuthenticationToken) TokenValidation.authenticationConverter().convert(token(b -> {}));

    assertThat(authentication.getName()).isEqualTo("northshire-police");
    assertThat(authentication.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_partner");
  }

  private static Jwt token(Consumer<Jwt.Builder> change) {
    Instant now = Instant.now();
    Jwt.Builder builder =
        Jwt.withTokenValue("token")
            .header("alg", "RS256")
            .issuer(ISSUER)
            .subject("service-account-northshire-police")
            .audience(List.of("caseway-gateway", "account"))
            .claim("partner", "northshire-police")
            .claim("roles", List.of("partner"))
            .issuedAt(now)
            .expiresAt(now.plusSeconds(300));
    change.accept(builder);
    return builder.build();
  }
}
