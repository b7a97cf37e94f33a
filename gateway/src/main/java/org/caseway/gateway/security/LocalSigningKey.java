package org.caseway.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;

/**
 * The local issuer's signing key: a fresh RSA key per start, held in memory only.
 *
 * <p>Nothing private is written to disk; the price is that tokens do not survive a restart, which
 * costs a partner one more client-credentials request.
 */
public final class LocalSigningKey {

  private final RSAKey key;

  private LocalSigningKey(RSAKey key) {
    this.key = key;
  }

  public static LocalSigningKey generate() {
    try {
      return new LocalSigningKey(
          new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate());
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot generate the local issuer's signing key", e);
    }
  }

  /** The key set the issuer signs with and publishes (public part) at {@code /oauth2/jwks}. */
  public JWKSource<SecurityContext> jwkSource() {
    return new ImmutableJWKSet<>(new JWKSet(key));
  }

  public RSAPublicKey publicKey() {
    try {
      return key.toRSAPublicKey();
    } catch (JOSEException e) {
      throw new IllegalStateException("The local issuer's key has no RSA public key", e);
    }
  }
}
