package org.caseway.gateway.security;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the gateway: every call but health and metadata needs a bearer JWT whose {@code
 * partner} claim names the calling partner.
 *
 * @param audience the value the token's {@code aud} claim must contain. Default {@code
 *     caseway-gateway}. A token issued for another service is refused, even by the same issuer.
 * @param issuerMode who issues tokens. {@code local} (default): the gateway itself, for the
 *     embedded default only, with the committed, public client secrets of {@link LocalIssuer}: never
 *     use it for real data. {@code external}: only {@link #externalIssuerUri} is trusted and the
 *     local issuer's endpoints do not exist.
 * @param externalIssuerUri the OpenID Connect issuer (e.g. a Keycloak realm, {@code
 *     https://keycloak.example/realms/northshire}); required when {@code issuer-mode=external}.
 *     Tokens must carry exactly this {@code iss}; signing keys come from its JWK set, fetched on
 *     the first call. No default.
 * @param localIssuer the local issuer's settings; ignored in {@code external} mode
 * @param clientCertificates partners that must also present a client certificate (mutual TLS), by
 *     partner id, each with the certificate's subject distinguished name (RFC 2253, e.g.
 *     {@code CN=northshire-mh-trust,O=Northshire MH Trust}). Needs the HTTPS port with
 *     {@code server.ssl.client-auth=want} (or {@code need}) and a trust store holding the partners'
 *     CAs. A call with such a partner's token and no certificate, or another subject's, is refused
 *     with 403 {@code CLIENT_CERTIFICATE_REQUIRED}. Default: none.
 */
@ConfigurationProperties("caseway.security")
public record GatewaySecurityProperties(
    @DefaultValue("caseway-gateway") String audience,
    @DefaultValue("local") IssuerMode issuerMode,
    String externalIssuerUri,
    @DefaultValue LocalIssuer localIssuer,
    Map<String, String> clientCertificates) {

  public GatewaySecurityProperties {
    clientCertificates = clientCertificates == null ? Map.of() : Map.copyOf(clientCertificates);
  }

  /** Who issues the tokens the gateway trusts. */
  public enum IssuerMode {
    LOCAL,
    EXTERNAL
  }

  /**
   * The gateway's built-in, local-only token issuer (client-credentials grant at {@code
   * /oauth2/token}).
   *
   * @param clientsFile location of the client list (Spring resource syntax). Default {@code
   *     classpath:caseway/northshire/local-issuer-clients.yaml}, whose secrets are public.
   * @param tokenTtl lifetime of the access tokens it issues. Default {@code 5m}. A stolen token is
   *     usable this long.
   */
  public record LocalIssuer(
      @DefaultValue("classpath:caseway/northshire/local-issuer-clients.yaml") String clientsFile,
      @DefaultValue("5m") Duration tokenTtl) {}
}
