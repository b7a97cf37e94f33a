package org.caseway.gateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * What makes a token acceptable, whoever issued it, and how it becomes an authentication.
 *
 * <p>Expiry and not-before (with Spring's default 60-second clock skew), the audience, and a
 * non-blank {@code partner} claim are checked for every token; the issuer too when one is given.
 */
public final class TokenValidation {

  private TokenValidation() {}

  /**
   * @param audience the value {@code aud} must contain
   * @param issuer the exact {@code iss} required, or null to rely on the signature alone (the local
   *     issuer, whose key never leaves this process)
   */
  public static OAuth2TokenValidator<Jwt> validator(String audience, String issuer) {
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(
        issuer == null ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer));
    validators.add(
        new JwtClaimValidator<Collection<String>>(
            JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)));
    validators.add(
        new JwtClaimValidator<String>(PartnerClaims.PARTNER, StringUtils::hasText));
    return new DelegatingOAuth2TokenValidator<>(validators);
  }

  /**
   * The authentication's name is the partner id; each role becomes an authority {@code ROLE_<role>}.
   */
  public static JwtAuthenticationConverter authenticationConverter() {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setPrincipalClaimName(PartnerClaims.PARTNER);
    converter.setJwtGrantedAuthoritiesConverter(TokenValidation::roles);
    return converter;
  }

  private static Collection<GrantedAuthority> roles(Jwt jwt) {
    List<String> roles = jwt.getClaimAsStringList(PartnerClaims.ROLES);
    if (roles == null) {
      return List.of();
    }
    return roles.stream()
        .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
        .toList();
  }
}
