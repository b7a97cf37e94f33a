package org.caseway.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The embedded default's cold start: from starting a new JVM on the gateway (a fresh data directory,
 * so a first start: Flyway migrates, the broker formats its storage, the samples play) to its
 * health endpoint answering UP. Runs the executable jar of README's command 1 where it has been
 * built ({@value #JAR_PROPERTY}, default {@code gateway/target/caseway-gateway.jar}), else the
 * gateway's classes on this class path.
 */
final class ColdStart {

  static final String JAR_PROPERTY = "caseway.bench.gateway-jar";
  private static final Duration LIMIT = Duration.ofSeconds(120);

  private ColdStart() {}

  static Map<String, Object> measure(Path workDir) throws IOException, InterruptedException {
    Path dataDir = workDir.resolve("cold-start-data").toAbsolutePath();
    Files.createDirectories(dataDir);
    int port = LoadGateway.freePort();
    Path jar = Path.of(System.getProperty(JAR_PROPERTY, "gateway/target/caseway-gateway.jar"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java));
    String how;
    if (Files.isRegularFile(jar)) {
      command.addAll(List.of("-jar", jar.toString()));
      how = "java -jar " + jar;
    } else {
      command.addAll(List.of("-cp", System.getProperty("java.class.path"),
          "org.caseway.gateway.CasewayGatewayApplication"));
      how = "java -cp <bench class path> CasewayGatewayApplication (no " + jar + ")";
    }
    command.addAll(List.of("--server.port=" + port, "--caseway.data-dir=" + dataDir,
        "--caseway.kafka.embedded.port=" + LoadGateway.freePort(),
        "--caseway.kafka.embedded.controller-port=" + LoadGateway.freePort(),
        "--caseway.simulators.council-port=" + LoadGateway.freePort(),
        "--caseway.simulators.housing-port=" + LoadGateway.freePort(),
        "--caseway.simulators.mh-trust-port=" + LoadGateway.freePort()));
    Path log = workDir.resolve("cold-start.log");
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("how", how);
    result.put("loadAverageBefore", ProcessStats.loadAverage());
    try {
      Double seconds = untilUp(URI.create("http://localhost:" + port + "/actuator/health"), process, started);
      result.put("secondsToHealthUp", seconds);
      result.put("log", log.toString());
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    return result;
  }

  private static Double untilUp(URI health, Process process, long started) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    while (System.nanoTime() - started < LIMIT.toNanos()) {
      if (!process.isAlive()) {
        return null;
      }
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
          return (System.nanoTime() - started) / 1e9;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    return null;
  }
}
