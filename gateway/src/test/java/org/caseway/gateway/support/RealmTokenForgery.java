package org.caseway.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.function.UnaryOperator;

/**
 * Tokens an attacker would try, each made from a real token of the realm and differing from it in
 * one respect only. Those that keep a valid signature are signed with the realm's own key ({@link
 * RealmSigningKey}), under the key id the realm publishes, so the gateway can refuse them only for
 * the respect in which they differ.
 */
public final class RealmTokenForgery {

  private final RealmSigningKey realmKey;

  public RealmTokenForgery(RealmSigningKey realmKey) {
    this.realmKey = realmKey;
  }

  /** The real token's header and claims signed again with the realm's key: as good as the real one. */
  public String resigned(String token) {
    return resigned(token, claims -> claims);
  }

  /** Valid in every way but that it expired {@code ago}. */
  public String expired(String token, Duration ago) {
    Instant expiry = Instant.now().minus(ago);
    return resigned(token, claims -> claims
        .issueTime(Date.from(expiry.minusSeconds(300)))
        .expirationTime(Date.from(expiry)));
  }

  /** Valid in every way but that it is not valid before {@code from} now. */
  public String notValidBefore(String token, Duration from) {
    Instant notBefore = Instant.now().plus(from);
    return resigned(token, claims -> claims
        .notBeforeTime(Date.from(notBefore))
        .expirationTime(Date.from(notBefore.plusSeconds(300))));
  }

  /** Signed with the realm's key, but naming another issuer. */
  public String namingIssuer(String token, String issuer) {
    return resigned(token, claims -> claims.issuer(issuer));
  }

  /** One claim changed and the original signature kept: a tampered payload. */
  public String tampered(String token, String claim, Object value) {
    SignedJWT jwt = parse(token);
    JWTClaimsSet changed = new JWTClaimsSet.Builder(claims(jwt)).claim(claim, value).build();
    return jwt.getHeader().toBase64URL() + "." + Base64URL.encode(changed.toString()) + "."
        + jwt.getSignature();
  }

  /** The real claims, signed by a key the realm never had, under the realm's key id. */
  public String signedByAnotherKey(String token) {
    return sign(parse(token), claims(parse(token)), newRsaKey());
  }

  /** The real claims with {@code alg: none} and no signature. */
  public String unsigned(String token) {
    return new PlainJWT(claims(parse(token))).serialize();
  }

  /**
   * The key-confusion attack: the real claims, HS256, keyed with the realm's published RSA public
   * key (which anyone can fetch), under the realm's key id.
   */
  public String hmacKeyedWithThePublicKey(String token) {
    SignedJWT real = parse(token);
    SignedJWT jwt = new SignedJWT(
        new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(real.getHeader().getKeyID()).build(),
        claims(real));
    byte[] publicKey = realmKey.publicKey().getEncoded();
    try {
      jwt.sign(new MACSigner(Arrays.copyOf(publicKey, Math.max(32, publicKey.length))));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private String resigned(String token, UnaryOperator<JWTClaimsSet.Builder> change) {
    SignedJWT real = parse(token);
    return sign(real, change.apply(new JWTClaimsSet.Builder(claims(real))).build(), realmKey.privateKey());
  }

  private static String sign(SignedJWT real, JWTClaimsSet claims, PrivateKey key) {
    SignedJWT jwt = new SignedJWT(
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .keyID(real.getHeader().getKeyID())
            .type(real.getHeader().getType())
            .build(),
        claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static SignedJWT parse(String token) {
    try {
      return SignedJWT.parse(token);
    } catch (ParseException e) {
      throw new IllegalArgumentException("Not a signed JWT: " + e.getMessage(), e);
    }
  }

  private static JWTClaimsSet claims(SignedJWT jwt) {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new IllegalArgumentException("The token's claims cannot be read: " + e.getMessage(), e);
    }
  }

  private static PrivateKey newRsaKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair().getPrivate();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
