package org.caseway.gateway.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.util.StringUtils;

/** Production: trust one external OpenID Connect issuer (the partnership's Keycloak realm). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "caseway.security.issuer-mode", havingValue = "external")
public class ExternalIssuerConfiguration {

  /**
   * Reads the issuer's discovery document and keys on the first call, not at start-up, so the
   * gateway starts (and reports health) while Keycloak is still coming up.
   */
  @Bean
  JwtDecoder jwtDecoder(GatewaySecurityProperties security) {
    String issuer = security.externalIssuerUri();
    if (!StringUtils.hasText(issuer)) {
      throw new IllegalStateException(
          "caseway.security.external-issuer-uri is required when caseway.security.issuer-mode is"
              + " external (environment variable CASEWAY_SECURITY_EXTERNAL_ISSUER_URI)");
    }
    return new SupplierJwtDecoder(
        () -> {
          NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
          decoder.setJwtValidator(TokenValidation.validator(security.audience(), issuer));
          return decoder;
        });
  }
}
