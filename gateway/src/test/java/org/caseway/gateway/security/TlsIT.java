package org.caseway.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.caseway.gateway.support.EmbeddedGatewayProperties;
import org.caseway.gateway.support.Messages;
import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway's HTTP port over TLS, with mutual TLS required of one partner: the keys and
 * certificates are made for the test with the JDK's keytool (a server certificate for localhost,
 * the trust's client certificate, and another client certificate the server also trusts). Plain
 * HTTP is refused; the trust's token is accepted only with the trust's own certificate; a partner
 * not required to present one is not asked to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TlsIT {

  static final String TRUST = "northshire-mh-trust";
  static final String TRUST_SUBJECT = "CN=northshire-mh-trust,O=Northshire MH Trust";
  private static final String PASSWORD = "test-only-changeit";
  private static final Path DATA_DIR = EmbeddedGatewayProperties.freshDataDir("tls");
  private static final Path KEYS = DATA_DIR.resolve("keys");

  @DynamicPropertySource
  static void https(DynamicPropertyRegistry registry) {
    makeKeys();
    EmbeddedGatewayProperties.register(registry, DATA_DIR);
    registry.add("server.ssl.enabled", () -> "true");
    registry.add("server.ssl.key-store", () -> KEYS.resolve("server.p12").toUri().toString());
    registry.add("server.ssl.key-store-type", () -> "PKCS12");
    registry.add("server.ssl.key-store-password", () -> PASSWORD);
    registry.add("server.ssl.key-alias", () -> "server");
    registry.add("server.ssl.trust-store", () -> KEYS.resolve("server-trust.p12").toUri().toString());
    registry.add("server.ssl.trust-store-type", () -> "PKCS12");
    registry.add("server.ssl.trust-store-password", () -> PASSWORD);
    registry.add("server.ssl.client-auth", () -> "want");
    registry.add("caseway.security.client-certificates." + TRUST, () -> TRUST_SUBJECT);
  }

  @LocalServerPort int port;

  @Test
  void plainHttpIsRefusedOnTheTlsPort() throws Exception {
    HttpResponse<String> plain = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/metadata")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(plain.statusCode()).isEqualTo(400);
    assertThat(plain.body()).doesNotContain("CapabilityStatement");
  }

  @Test
  void theMetadataIsServedOverTlsToAnyone() throws Exception {
    HttpResponse<String> metadata = client(null).send(get("/fhir/metadata"), HttpResponse.BodyHandlers.ofString());

    assertThat(metadata.statusCode()).isEqualTo(200);
    assertThat(metadata.body()).contains("CapabilityStatement");
  }

  @Test
  void thePartnerRequiredToUseMutualTlsIsRefusedWithoutItsCertificateAndAcceptedWithIt() throws Exception {
    String message = Messages.json(Messages.riskFlagRaised());

    HttpResponse<String> noCertificate = post(client(null), token(client(null), TRUST), message);
    assertThat(noCertificate.statusCode()).isEqualTo(403);
    assertThat(noCertificate.body()).contains("CLIENT_CERTIFICATE_REQUIRED").contains("presented none");

    HttpResponse<String> anotherCertificate = post(client("other.p12"), token(client("other.p12"), TRUST), message);
    assertThat(anotherCertificate.statusCode()).isEqualTo(403);
    assertThat(anotherCertificate.body()).contains("another certificate");

    HttpResponse<String> itsOwn = post(client("trust.p12"), token(client("trust.p12"), TRUST), message);
    assertThat(itsOwn.statusCode()).as(itsOwn.body()).isEqualTo(200);
  }

  @Test
  void aPartnerNotRequiredToPresentACertificateIsNotAskedForOne() throws Exception {
    String incident = Messages.json(Messages.example("Bundle-example-incident-reported"));

    HttpResponse<String> accepted = post(client(null), token(client(null), "northshire-police"), incident);

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
  }

  // ---- the machinery ----

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create("https://localhost:" + port + path)).GET().build();
  }

  private HttpResponse<String> post(HttpClient client, String token, String message) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/fhir/$process-message"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
        .POST(HttpRequest.BodyPublishers.ofString(message)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String token(HttpClient client, String partner) throws Exception {
    String basic = Base64.getEncoder().encodeToString(
        (partner + ":local-only-" + partner + "-secret").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/oauth2/token"))
        .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return (String) JsonParserFactory.getJsonParser().parseMap(response.body()).get("access_token");
  }

  /** An HTTPS client trusting the test's server certificate, presenting {@code keyStore}'s key if given. */
  private static HttpClient client(String keyStore) throws Exception {
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(load("client-trust.p12"));
    SSLContext tls = SSLContext.getInstance("TLS");
    KeyManagerFactory keys = null;
    if (keyStore != null) {
      keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(load(keyStore), PASSWORD.toCharArray());
    }
    tls.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(tls).build();
  }

  private static KeyStore load(String name) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(KEYS.resolve(name))) {
      store.load(in, PASSWORD.toCharArray());
    }
    return store;
  }

  /** The keys and certificates, made with the JDK's keytool as an operator would. */
  private static void makeKeys() {
    try {
      Files.createDirectories(KEYS);
      if (Files.exists(KEYS.resolve("server-trust.p12"))) {
        return;
      }
      keypair("server", "CN=localhost", "server.p12", "SAN=dns:localhost,ip:127.0.0.1");
      export("server", "server.p12", "server.crt");
      trust("server", "server.crt", "client-trust.p12");
      keypair("trust", TRUST_SUBJECT, "trust.p12", null);
      export("trust", "trust.p12", "trust.crt");
      trust("trust", "trust.crt", "server-trust.p12");
      keypair("other", "CN=someone-else", "other.p12", null);
      export("other", "other.p12", "other.crt");
      trust("other", "other.crt", "server-trust.p12");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void keypair(String alias, String subject, String store, String extension) {
    List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048",
        "-dname", subject, "-validity", "2", "-keystore", KEYS.resolve(store).toString(), "-storetype", "PKCS12",
        "-storepass", PASSWORD, "-keypass", PASSWORD));
    if (extension != null) {
      args.addAll(List.of("-ext", extension));
    }
    keytool(args);
  }

  private static void export(String alias, String store, String file) {
    keytool(List.of("-exportcert", "-alias", alias, "-keystore", KEYS.resolve(store).toString(), "-storepass", PASSWORD,
        "-file", KEYS.resolve(file).toString()));
  }

  private static void trust(String alias, String file, String store) {
    keytool(List.of("-importcert", "-noprompt", "-alias", alias, "-file", KEYS.resolve(file).toString(),
        "-keystore", KEYS.resolve(store).toString(), "-storetype", "PKCS12", "-storepass", PASSWORD));
  }

  private static void keytool(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(args);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException("keytool " + args.get(0) + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
