package org.caseway.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.caseway.gateway.CasewayGatewayApplication;
import org.caseway.gateway.identity.IdentityLearner;
import org.caseway.gateway.simulators.NorthshireSimulators;
import org.hl7.fhir.r4.model.Identifier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The gateway on its embedded default, started in this JVM as the integration tests start it: its
 * own data directory, Kafka and the simulators on free ports, no samples played, the housing
 * simulator answering in {@code housingDelay} (its default, 1.2 s, models the real service's
 * slowness and would bound housing's deliveries by itself). With {@code postgres}, its state is in
 * a schema of its own on the PostgreSQL of this machine, dropped by {@link #close}.
 */
final class LoadGateway implements AutoCloseable {

  private static final String POLICE_SECRET = "local-only-northshire-police-secret";
  private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final ConfigurableApplicationContext context;
  private final int port;
  private final Path dataDir;
  private final String schema;
  private final Duration startedIn;
  private final HttpClient http = HttpClient.newHttpClient();

  private LoadGateway(ConfigurableApplicationContext context, int port, Path dataDir, String schema,
      Duration startedIn) {
    this.context = context;
    this.port = port;
    this.dataDir = dataDir;
    this.schema = schema;
    this.startedIn = startedIn;
  }

  static LoadGateway start(Path dataDir, boolean postgres, Duration housingDelay) {
    int port = freePort();
    String schema = postgres ? "caseway_load_" + UUID.randomUUID().toString().replace("-", "") : null;
    List<String> args = new ArrayList<>(arguments(dataDir, port, housingDelay));
    // Its log goes to a file: at hundreds of messages a second the console would be the bottleneck.
    args.add("--logging.file.name=" + dataDir.resolve("gateway.log"));
    args.add("--logging.threshold.console=OFF");
    if (postgres) {
      args.add("--spring.datasource.url=" + BenchDatabase.POSTGRES_URL + "?currentSchema=" + schema);
      args.add("--spring.datasource.username=postgres");
      args.add("--spring.datasource.password=");
      args.add("--spring.flyway.schemas=" + schema);
    }
    long started = System.nanoTime();
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(CasewayGatewayApplication.class).run(args.toArray(String[]::new));
    return new LoadGateway(context, port, dataDir, schema, Duration.ofNanos(System.nanoTime() - started));
  }

  /** The command-line arguments that put an embedded gateway on {@code dataDir} and free ports. */
  static List<String> arguments(Path dataDir, int port, Duration housingDelay) {
    return List.of(
        "--server.port=" + port,
        "--caseway.data-dir=" + dataDir,
        "--caseway.kafka.embedded.port=" + freePort(),
        "--caseway.kafka.embedded.controller-port=" + freePort(),
        "--caseway.simulators.council-port=" + freePort(),
        "--caseway.simulators.housing-port=" + freePort(),
        "--caseway.simulators.mh-trust-port=" + freePort(),
        "--caseway.simulators.housing-delay=" + housingDelay.toMillis() + "ms",
        // A load run between 01:00 and 02:00 UK time would otherwise meet housing's nightly 503s.
        "--caseway.simulators.housing-nightly-maintenance=false",
        "--caseway.simulators.seed=false");
  }

  Duration startedIn() {
    return startedIn;
  }

  URI base() {
    return URI.create("http://localhost:" + port);
  }

  Path policeDrop() {
    return dataDir.resolve("drop").resolve("police");
  }

  JdbcClient jdbc() {
    return context.getBean(JdbcClient.class);
  }

  NorthshireSimulators simulators() {
    return context.getBean(NorthshireSimulators.class);
  }

  /**
   * Makes {@code people} suspects known: each a tenant of housing (the simulator knows the tenancy)
   * and an IOM cohort member (PNC id beside CRN), learned as dispatch learns them.
   */
  void seedPeople(int people) {
    IdentityLearner learner = context.getBean(IdentityLearner.class);
    List<String> tenancies = new ArrayList<>();
    for (int p = 0; p < people; p++) {
      learner.learnFrom(Northshire.personRecord(
          new Identifier().setSystem(Northshire.PNC).setValue(LoadMessages.pnc(p)),
          new Identifier().setSystem(Northshire.CRN).setValue(LoadMessages.crn(p)),
          new Identifier().setSystem(Northshire.TENANCY).setValue(LoadMessages.tenancy(p))), "load-seed-" + p);
      tenancies.add(LoadMessages.tenancy(p));
    }
    simulators().housing().knowTenancies(tenancies);
  }

  /** A police token from the local issuer (client credentials, the committed local-only secret). */
  String policeToken() {
    String basic = Base64.getEncoder().encodeToString(("northshire-police:" + POLICE_SECRET)
        .getBytes(StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(base().resolve("/oauth2/token"))
          .header("Authorization", "Basic " + basic)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Token request failed: " + response.statusCode());
      }
      return response.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    context.close();
    if (schema != null) {
      JdbcClient.create(new DriverManagerDataSource(BenchDatabase.POSTGRES_URL, "postgres", ""))
          .sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
    }
  }

  /** A port free a moment ago, below Linux's ephemeral range (as the tests' FreePorts does). */
  static int freePort() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int candidate = ThreadLocalRandom.current().nextInt(20_000, 32_000);
      if (HANDED_OUT.contains(candidate)) {
        continue;
      }
      try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
        HANDED_OUT.add(candidate);
        return candidate;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("No free port between 20000 and 32000");
  }
}
