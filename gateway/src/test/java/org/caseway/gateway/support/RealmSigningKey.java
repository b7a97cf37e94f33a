package org.caseway.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The key a test Keycloak realm signs its tokens with, made for the run with the JDK's keytool
 * (never committed) and imported with the realm as its highest-priority RSA key provider. Knowing
 * the realm's own signing key is what lets a test forge tokens that differ from a real one in a
 * single respect (expired, not yet valid, another issuer), so each refusal is for that reason and
 * not for a bad signature.
 */
public final class RealmSigningKey {

  private static final String PASSWORD = "test-only-realm-key";

  private final RSAPrivateKey privateKey;
  private final X509Certificate certificate;

  private RealmSigningKey(RSAPrivateKey privateKey, X509Certificate certificate) {
    this.privateKey = privateKey;
    this.certificate = certificate;
  }

  /** A fresh RSA key pair and self-signed certificate, made under {@code directory}. */
  public static RealmSigningKey create(Path directory) {
    try {
      Files.createDirectories(directory);
      Path store = directory.resolve("realm-signing-" + UUID.randomUUID() + ".p12");
      keytool(List.of("-genkeypair", "-alias", "realm", "-keyalg", "RSA", "-keysize", "2048",
          "-dname", "CN=northshire-test-realm", "-validity", "2", "-keystore", store.toString(),
          "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD));
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        keys.load(in, PASSWORD.toCharArray());
      }
      return new RealmSigningKey(
          (RSAPrivateKey) keys.getKey("realm", PASSWORD.toCharArray()),
          (X509Certificate) keys.getCertificate("realm"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot read the realm signing key keytool made", e);
    }
  }

  public RSAPrivateKey privateKey() {
    return privateKey;
  }

  public RSAPublicKey publicKey() {
    return (RSAPublicKey) certificate.getPublicKey();
  }

  /**
   * The realm representation's {@code components} entry that makes Keycloak sign with this key:
   * an imported {@code rsa} key provider above the generated one's priority (100).
   */
  public Map<String, Object> keycloakKeyProvider() {
    return Map.of(
        "name", "caseway-test-signing-key",
        "providerId", "rsa",
        "subComponents", Map.of(),
        "config", Map.of(
            "priority", List.of("1000"),
            "enabled", List.of("true"),
            "active", List.of("true"),
            "algorithm", List.of("RS256"),
            "privateKey", List.of(pem("PRIVATE KEY", privateKey.getEncoded())),
            "certificate", List.of(pem("CERTIFICATE", encoded(certificate)))));
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + type + "-----";
  }

  private static void keytool(List<String> args) throws IOException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
