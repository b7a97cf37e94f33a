package org.caseway.gateway.crash;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway as its own operating-system process: the repackaged jar that {@code package} built,
 * started with {@code java -jar}, so that a test can kill it with SIGKILL (nothing of it runs on:
 * no shutdown hook, no flush, no finally) and start it again on the same data.
 *
 * <p>Each start writes its own log ({@code <name>-<n>.log} in the log folder). Every process this
 * class starts is also killed by a JVM shutdown hook, so that no gateway outlives the build.
 * Not thread-safe: one test thread starts, kills and stops it.
 */
final class GatewayProcess implements AutoCloseable {

  /** The jar, as Failsafe passes it; fails with the fix if the build did not say where it is. */
  static Path jar() {
    String jar = System.getProperty("caseway.it.gateway-jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("System property caseway.it.gateway-jar must name the repackaged gateway jar"
          + " (Failsafe sets it to target/caseway-gateway.jar; run through `./mvnw verify`), not " + jar);
    }
    return Path.of(jar);
  }

  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
        "kill-test-gateways"));
  }

  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private final String name;
  private final int port;
  private final Path logFolder;
  private final Map<String, String> properties;
  private Process process;
  private Path log;
  private int starts;

  /**
   * @param properties Spring properties for the gateway, given as {@code --key=value} arguments
   */
  GatewayProcess(String name, int port, Path logFolder, Map<String, String> properties) {
    this.name = name;
    this.port = port;
    this.logFolder = logFolder;
    Map<String, String> all = new LinkedHashMap<>(properties);
    all.put("server.port", String.valueOf(port));
    this.properties = all;
  }

  int port() {
    return port;
  }

  String name() {
    return name;
  }

  /** This start's log. */
  Path log() {
    return log;
  }

  /** Every start's log, in order. */
  List<Path> logs() {
    List<Path> logs = new ArrayList<>();
    for (int n = 1; n <= starts; n++) {
      logs.add(logFolder.resolve(name + "-" + n + ".log"));
    }
    return logs;
  }

  boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Starts the process and returns once the application says it has started (routes running). */
  Duration start() {
    if (isRunning()) {
      throw new IllegalStateException(name + " is running already");
    }
    starts++;
    log = logFolder.resolve(name + "-" + starts + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // The machine is small and shared: a modest heap, one GC thread, and C1 only: each life of
        // the gateway is a minute or two, and C2's compilations cost more than they win back then
        // (starts took 20-27 s with C1, 36-50 s without it, on the same machine).
        "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-jar", jar().toString()));
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    Instant begun = Instant.now();
    try {
      Files.createDirectories(logFolder);
      process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the gateway process " + name, e);
    }
    RUNNING.add(process);
    Process started = process;
    await("gateway " + name + " started (log " + log + ")").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250))
        .until(() -> {
          if (!started.isAlive()) {
            throw new IllegalStateException("Gateway " + name + " exited with " + started.exitValue()
                + " while starting; see " + log);
          }
          return logContains("Started CasewayGatewayApplication");
        });
    return Duration.between(begun, Instant.now());
  }

  /** SIGKILL: the process ends at once, mid-whatever it was doing. */
  void kill() {
    Process victim = process;
    victim.destroyForcibly();
    waitFor(victim);
  }

  /** SIGTERM: Spring closes the application in order (its shutdown hook). */
  void stop() {
    if (isRunning()) {
      process.destroy();
      waitFor(process);
    }
  }

  /**
   * The lines of this start's log at ERROR level written once a graceful stop began (Spring Boot's
   * "Commencing graceful shutdown"), with the line that follows each (the exception); empty if it
   * was not stopped gracefully.
   */
  List<String> errorsWhileStopping() throws IOException {
    List<String> lines = Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1);
    List<String> errors = new ArrayList<>();
    boolean stopping = false;
    for (int n = 0; n < lines.size(); n++) {
      stopping |= lines.get(n).contains("Commencing graceful shutdown");
      if (stopping && lines.get(n).contains(" ERROR ")) {
        errors.add(lines.get(n) + (n + 1 < lines.size() ? " / " + lines.get(n + 1) : ""));
      }
    }
    return errors;
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    if (process != null) {
      process.destroyForcibly();
      waitFor(process);
    }
  }

  private void waitFor(Process victim) {
    try {
      if (!victim.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        victim.destroyForcibly();
        victim.waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      victim.destroyForcibly();
    }
    RUNNING.remove(victim);
  }

  private boolean logContains(String text) {
    try {
      return Files.exists(log) && Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
    } catch (IOException e) {
      return false;
    }
  }
}
