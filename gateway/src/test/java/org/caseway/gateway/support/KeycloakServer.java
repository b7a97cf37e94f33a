package org.caseway.gateway.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.util.FileSystemUtils;

/**
 * A real Keycloak server for integration tests: the distribution that the build unpacks under
 * {@code target/keycloak} ({@code caseway.it.keycloak-home}), started in dev mode on free ports
 * with the Northshire realm ({@code caseway.it.realm-file}) imported, and stopped on {@link
 * #close()}.
 *
 * <p>Probation's client authenticates with a signed JWT: the realm file leaves its public key as a
 * placeholder, which this harness fills with a key pair it generates, so no private key is ever
 * committed. Likewise the realm signs its tokens with a key the harness makes for the run ({@link
 * RealmSigningKey}), so tests can forge tokens that differ from a real one in one respect only.
 */
public final class KeycloakServer implements AutoCloseable {

  public static final String REALM = "northshire";
  private static final String PROBATION_KEY_PLACEHOLDER = "${PROBATION_CLIENT_PUBLIC_KEY}";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private final Process process;
  private final int port;
  private final KeyPair probationKey;
  private final RealmSigningKey realmKey;
  private final HttpClient http = HttpClient.newHttpClient();

  private KeycloakServer(Process process, int port, KeyPair probationKey, RealmSigningKey realmKey) {
    this.process = process;
    this.port = port;
    this.probationKey = probationKey;
    this.realmKey = realmKey;
  }

  /** Starts Keycloak and waits until the realm answers; fails with the server's log path if not. */
  public static KeycloakServer start() {
    Path home = Path.of(requiredProperty("caseway.it.keycloak-home"));
    Path realmFile = Path.of(requiredProperty("caseway.it.realm-file"));
    KeyPair probationKey = newRsaKeyPair();
    int port = FreePorts.next();
    int managementPort = FreePorts.next();
    try {
      Path data = home.resolve("data");
      FileSystemUtils.deleteRecursively(data);
      Path imports = Files.createDirectories(data.resolve("import"));
      RealmSigningKey realmKey = RealmSigningKey.create(home.getParent().resolve("keys"));
      String realm =
          Files.readString(realmFile)
              .replace(
                  PROBATION_KEY_PLACEHOLDER,
                  Base64.getEncoder().encodeToString(probationKey.getPublic().getEncoded()));
      Files.writeString(imports.resolve("northshire-realm.json"), signedWith(realm, realmKey));
      Path log = home.getParent().resolve("keycloak-it.log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  home.resolve("bin/kc.sh").toString(),
                  "start-dev",
                  "--import-realm",
                  "--db=dev-mem",
                  "--http-host=127.0.0.1",
                  "--http-port=" + port,
                  "--http-management-port=" + managementPort,
                  "--hostname-strict=false",
                  "--log-level=WARN")
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      KeycloakServer server = new KeycloakServer(builder.start(), port, probationKey, realmKey);
      server.awaitRealm(log);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start Keycloak from " + home, e);
    }
  }

  /** The realm as imported, but signing its tokens with {@code key}. */
  private static String signedWith(String realm, RealmSigningKey key) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode representation = (ObjectNode) json.readTree(realm);
    representation
        .putObject("components")
        .set("org.keycloak.keys.KeyProvider", json.valueToTree(List.of(key.keycloakKeyProvider())));
    return json.writerWithDefaultPrettyPrinter().writeValueAsString(representation);
  }

  /** The key the realm signs its tokens with (provisioned by this harness, see {@link RealmSigningKey}). */
  public RealmSigningKey realmSigningKey() {
    return realmKey;
  }

  /** The realm's published signing keys (its JWKS document). */
  public String publishedKeys() {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/certs")).build(),
              BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The realm's issuer URI, as its tokens name it. */
  public String issuer() {
    return "http://127.0.0.1:" + port + "/realms/" + REALM;
  }

  /** A client-credentials token for a client that authenticates with its secret. */
  public String token(String clientId, String secret) {
    return accessToken(
        tokenRequest(
            Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)));
  }

  /** The raw token endpoint answer for a client secret, for tests of refusals. */
  public HttpResponse<String> tokenResponse(String clientId, String secret) {
    return tokenRequest(
        Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
  }

  /**
   * A client-credentials token for probation's client, which authenticates with a JWT signed by its
   * private key ({@code private_key_jwt}).
   */
  public String probationTokenBySignedJwt() {
    String clientId = "northshire-probation";
    return accessToken(
        tokenRequest(
            Map.of(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", clientAssertion(clientId, (RSAPrivateKey) probationKey.getPrivate()))));
  }

  /** The same request, but the assertion signed by a key the realm does not know. */
  public HttpResponse<String> probationTokenResponseSignedByAnotherKey() {
    String clientId = "northshire-probation";
    return tokenRequest(
        Map.of(
            "grant_type", "client_credentials",
            "client_id", clientId,
            "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            "client_assertion",
                clientAssertion(clientId, (RSAPrivateKey) newRsaKeyPair().getPrivate())));
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
  }

  private void awaitRealm(Path log) {
    URI wellKnown = URI.create(issuer() + "/.well-known/openid-configuration");
    await("Keycloak realm " + REALM + " (server log: " + log + ")")
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    "Keycloak exited with " + process.exitValue() + "; see " + log);
              }
              return http.send(HttpRequest.newBuilder(wellKnown).build(), BodyHandlers.discarding())
                      .statusCode()
                  == 200;
            });
  }

  private String clientAssertion(String clientId, RSAPrivateKey key) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(clientId)
            .subject(clientId)
            .audience(List.of(issuer()))
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(60)))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private HttpResponse<String> tokenRequest(Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .reduce((a, b) -> a + "&" + b)
            .orElse("");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(request, BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String accessToken(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Keycloak refused the token request: " + response.statusCode() + " " + response.body());
    }
    return (String) JsonParserFactory.getJsonParser().parseMap(response.body()).get("access_token");
  }

  private static KeyPair newRsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          name + " is not set: run this test through Maven (./mvnw verify), whose Failsafe"
              + " configuration unpacks Keycloak and sets it");
    }
    return value;
  }
}
