package org.caseway.gateway.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The embedded default's token issuer: Spring Authorization Server inside the gateway,
 * client-credentials grant at {@code /oauth2/token}, keys at {@code /oauth2/jwks}, one client per
 * partner from a committed, public file. LOCAL ONLY: it exists so that a newcomer's partner code
 * asks a token endpoint for a token exactly as it will ask Keycloak in production.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    name = "caseway.security.issuer-mode",
    havingValue = "local",
    matchIfMissing = true)
public class LocalIssuerConfiguration {

  private static final Logger log = LoggerFactory.getLogger(LocalIssuerConfiguration.class);

  /** Matches the issuer's endpoints only, ahead of the API chain (order 2). */
  @Bean
  @Order(1)
  SecurityFilterChain localIssuerFilterChain(HttpSecurity http) throws Exception {
    OAuth2AuthorizationServerConfigurer issuer =
        OAuth2AuthorizationServerConfigurer.authorizationServer();
    http.securityMatcher(issuer.getEndpointsMatcher())
        .with(issuer, Customizer.withDefaults())
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.ignoringRequestMatchers(issuer.getEndpointsMatcher()));
    return http.build();
  }

  @Bean
  RegisteredClientRepository localIssuerClients(
      GatewaySecurityProperties security, ResourceLoader resources) {
    GatewaySecurityProperties.LocalIssuer settings = security.localIssuer();
    List<LocalIssuerClient> clients =
        LocalIssuerClients.read(resources.getResource(settings.clientsFile()));
    log.warn(
        "LOCAL-ONLY TOKEN ISSUER RUNNING: this gateway issues its own tokens at /oauth2/token to the"
            + " {} clients in {}, whose secrets are public. Use it on your own machine with made-up"
            + " data only; production sets caseway.security.issuer-mode=external.",
        clients.size(),
        settings.clientsFile());
    return LocalIssuerClients.repository(clients, settings.tokenTtl());
  }

  @Bean
  LocalSigningKey localSigningKey() {
    return LocalSigningKey.generate();
  }

  @Bean
  JWKSource<SecurityContext> localIssuerJwkSource(LocalSigningKey key) {
    return key.jwkSource();
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings() {
    return AuthorizationServerSettings.builder().build();
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> partnerTokenCustomizer(
      GatewaySecurityProperties security) {
    return new PartnerTokenCustomizer(security.audience());
  }

  /**
   * Trusts only this process's key. The issuer claim is not checked: it follows the URL a client
   * used (localhost, 127.0.0.1, a container name), and no other issuer holds the key.
   */
  @Bean
  JwtDecoder jwtDecoder(LocalSigningKey key, GatewaySecurityProperties security) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key.publicKey()).build();
    decoder.setJwtValidator(TokenValidation.validator(security.audience(), null));
    return decoder;
  }
}
