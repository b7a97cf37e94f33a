package org.caseway.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Stands in for the partnership's Keycloak realm: serves the OpenID discovery document and the
 * realm's public keys over HTTP on the loopback interface, and signs tokens shaped like the
 * realm's (issuer, audience, partner and roles claims).
 */
public final class FakeOidcIssuer implements AutoCloseable {

  private final HttpServer server;
  private final RSAKey key;
  private final String issuer;

  private FakeOidcIssuer(HttpServer server, RSAKey key, String issuer) {
    this.server = server;
    this.key = key;
    this.issuer = issuer;
  }

  public static FakeOidcIssuer start() {
    try {
      RSAKey key = newKey();
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      String issuer = "http://localhost:" + server.getAddress().getPort() + "/realms/northshire";
      String discovery =
          "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/protocol/openid-connect/certs\"}";
      String keys = new JWKSet(key.toPublicJWK()).toString();
      server.createContext("/realms/northshire/.well-known/openid-configuration", e -> json(e, discovery));
      server.createContext("/realms/northshire/protocol/openid-connect/certs", e -> json(e, keys));
      server.start();
      return new FakeOidcIssuer(server, key, issuer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String issuer() {
    return issuer;
  }

  /** A client-credentials token for {@code partner}, valid now, signed with the realm's key. */
  public String tokenFor(String partner) {
    return sign(key, issuer, partner);
  }

  /** The same token, signed by a key the realm does not publish. */
  public String tokenSignedByAnotherKey(String partner) {
    return sign(newKey(), issuer, partner);
  }

  /** The same token, signed with the realm's key but naming another issuer. */
  public String tokenFromAnotherIssuer(String partner) {
    return sign(key, "http://localhost:1/realms/elsewhere", partner);
  }

  /** A token valid in every way but that it expired {@code ago}. */
  public String expiredToken(String partner, java.time.Duration ago) {
    Instant expiry = Instant.now().minus(ago);
    return sign(key, claims(issuer, partner, expiry.minusSeconds(300), expiry, null));
  }

  /** A token valid in every way but that it is not valid before {@code notBefore}. */
  public String tokenNotValidBefore(String partner, Instant notBefore) {
    Instant now = Instant.now();
    return sign(key, claims(issuer, partner, now, notBefore.plusSeconds(300), notBefore));
  }

  /** The realm's token with {@code alg: none} and no signature. */
  public String unsignedToken(String partner) {
    return new com.nimbusds.jwt.PlainJWT(nimbusClaims(partner)).serialize();
  }

  /**
   * The classic key-confusion attack: an HS256 token whose HMAC key is the realm's published RSA
   * public key, which anyone can fetch.
   */
  public String tokenHmacSignedWithThePublicKey(String partner) {
    try {
      com.nimbusds.jwt.SignedJWT jwt =
          new com.nimbusds.jwt.SignedJWT(
              new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.HS256)
                  .keyID(key.getKeyID())
                  .build(),
              nimbusClaims(partner));
      byte[] publicKey = key.toRSAPublicKey().getEncoded();
      jwt.sign(new com.nimbusds.jose.crypto.MACSigner(java.util.Arrays.copyOf(publicKey, Math.max(32, publicKey.length))));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static String sign(RSAKey signingKey, String issuer, String partner) {
    Instant now = Instant.now();
    return sign(signingKey, claims(issuer, partner, now, now.plusSeconds(300), null));
  }

  private static JwtClaimsSet claims(
      String issuer, String partner, Instant issuedAt, Instant expiresAt, Instant notBefore) {
    JwtClaimsSet.Builder claims =
        JwtClaimsSet.builder()
            .issuer(issuer)
            .subject("service-account-" + partner)
            .audience(List.of("caseway-gateway", "account"))
            .claim("azp", partner)
            .claim("partner", partner)
            .claim("roles", List.of("partner"))
            .issuedAt(issuedAt)
            .expiresAt(expiresAt);
    if (notBefore != null) {
      claims.notBefore(notBefore);
    }
    return claims.build();
  }

  private com.nimbusds.jwt.JWTClaimsSet nimbusClaims(String partner) {
    Instant now = Instant.now();
    return new com.nimbusds.jwt.JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject("service-account-" + partner)
        .audience(List.of("caseway-gateway"))
        .claim("partner", partner)
        .claim("roles", List.of("partner"))
        .issueTime(java.util.Date.from(now))
        .expirationTime(java.util.Date.from(now.plusSeconds(300)))
        .build();
  }

  private static String sign(RSAKey signingKey, JwtClaimsSet claims) {
    JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(signingKey.getKeyID()).build();
    return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signingKey)))
        .encode(JwtEncoderParameters.from(header, claims))
        .getTokenValue();
  }

  private static RSAKey newKey() {
    try {
      return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void json(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
