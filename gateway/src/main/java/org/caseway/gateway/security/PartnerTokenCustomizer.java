package org.caseway.gateway.security;

import java.util.List;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Makes the local issuer's access tokens look like the partnership's Keycloak tokens: {@code
 * partner} (the client id, which is the partner id), {@code roles}, and {@code aud} = the
 * gateway's audience.
 */
public class PartnerTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

  private final String audience;

  public PartnerTokenCustomizer(String audience) {
    this.audience = audience;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      return;
    }
    List<String> roles =
        context.getRegisteredClient().getClientSettings().getSetting(LocalIssuerClients.ROLES_SETTING);
    context
        .getClaims()
        .claim(PartnerClaims.PARTNER, context.getRegisteredClient().getClientId())
        .claim(PartnerClaims.ROLES, roles == null ? List.of() : roles)
        .audience(List.of(audience));
  }
}
