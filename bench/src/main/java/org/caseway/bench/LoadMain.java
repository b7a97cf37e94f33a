package org.caseway.bench;

import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.caseway.conformance.ImplementationGuide;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The end-to-end load run: the embedded gateway's cold start (a process of its own), HAPI's raw
 * parse+encode rate of the load's message on every core, then the gateway in this JVM with the
 * simulators as recipients, fed at rising rates until it saturates.
 *
 * <pre>
 * java -cp bench/target/caseway-bench.jar org.caseway.bench.LoadMain [--quick] [--postgres]
 *     [--rates 50,100,...] [--step-seconds N] [--file-share F] [--housing-delay MS] [--out FILE]
 * </pre>
 *
 * BenchMain runs it in a JVM of its own after the microbenchmarks, so that heap, RSS and CPU are
 * the gateway's (and the generator's, which is small: messages are made by text substitution).
 */
public final class LoadMain {

  private LoadMain() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Path work = Path.of("bench", "target", "load", UUID.randomUUID().toString()).toAbsolutePath();
    Files.createDirectories(work);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("machine", Machine.describe());
    document.put("options", options);
    document.put("jvmArguments", ManagementFactory.getRuntimeMXBean().getInputArguments());

    if (!options.skipColdStart()) {
      System.out.println("Cold start of the embedded default ...");
      document.put("coldStart", ColdStart.measure(work));
      System.out.println("  " + document.get("coldStart"));
    }

    LoadMessages messages = new LoadMessages(options.people());
    Map<String, Object> raw = rawParseEncode(messages, options.quick() ? 3 : 8);
    document.put("rawParseEncode", raw);
    System.out.printf("HAPI parse+encode of the load's message: %.0f/s on %s threads%n",
        raw.get("perSecond"), raw.get("threads"));

    List<Map<String, Object>> steps = new ArrayList<>();
    document.put("steps", steps);
    try (LoadGateway gateway = LoadGateway.start(work.resolve("gateway-data"), options.postgres(),
        Duration.ofMillis(options.housingDelayMs()))) {
      document.put("gatewayStartInProcessSeconds", gateway.startedIn().toMillis() / 1000.0);
      document.put("database", options.postgres() ? "postgres" : "h2");
      gateway.seedPeople(options.people());
      System.out.printf("Gateway up in this JVM in %.1f s; %d people known%n",
          gateway.startedIn().toMillis() / 1000.0, options.people());
      AtomicLong seq = new AtomicLong();
      AtomicInteger exports = new AtomicInteger();
      LoadStep load = new LoadStep(gateway, messages, seq, exports);
      document.put("stepsStartedAt", java.time.Instant.now().toString());
      warmUp(load, options);
      for (int rate : options.rates()) {
        System.out.printf("Step: %d msg/s for %d s ...%n", rate, options.stepSeconds());
        Map<String, Object> step = load.run(rate, Duration.ofSeconds(options.stepSeconds()), options.fileShare(),
            Duration.ofSeconds(options.quick() ? 15 : 45));
        steps.add(step);
        System.out.println("  " + step);
        if (step.get("saturated") != null) {
          System.out.println("  saturated: " + step.get("saturated") + "; no higher rate tried");
          break;
        }
      }
    }
    summarise(document, steps, raw);
    System.out.println();
    System.out.println(table(steps));
    System.out.println(document.get("summary"));
    Files.createDirectories(options.out().toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(options.out().toFile(), document);
    System.out.println("Written to " + options.out().toAbsolutePath());
    System.exit(0);
  }

  /** A short step at a low rate, not reported: JIT, connection pools, first-time paths. */
  private static void warmUp(LoadStep load, Options options) throws InterruptedException {
    System.out.println("Warm-up: 5 msg/s for " + (options.quick() ? 5 : 15) + " s (not reported) ...");
    load.run(5, Duration.ofSeconds(options.quick() ? 5 : 15), options.fileShare(), Duration.ofSeconds(30));
  }

  /** HAPI's JSON parse+encode of the load's message on every core: the ceiling of any FHIR pipeline. */
  static Map<String, Object> rawParseEncode(LoadMessages messages, int seconds) throws Exception {
    int threads = Runtime.getRuntime().availableProcessors();
    List<String> jsons = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      jsons.add(messages.message(i).json());
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      run(pool, threads, jsons, 2); // warm-up
      long done = run(pool, threads, jsons, seconds);
      Map<String, Object> raw = new LinkedHashMap<>();
      raw.put("threads", threads);
      raw.put("seconds", seconds);
      raw.put("perSecond", done / (double) seconds);
      raw.put("loadAverage", ProcessStats.loadAverage());
      return raw;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long run(ExecutorService pool, int threads, List<String> jsons, int seconds) throws Exception {
    long until = System.nanoTime() + seconds * 1_000_000_000L;
    List<Future<Long>> counts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      counts.add(pool.submit(() -> {
        IParser parser = ImplementationGuide.load().fhirContext().newJsonParser();
        long n = 0;
        while (System.nanoTime() < until) {
          parser.encodeResourceToString(parser.parseResource(Bundle.class, jsons.get((int) (n % jsons.size()))));
          n++;
        }
        return n;
      }));
    }
    long total = 0;
    for (Future<Long> count : counts) {
      total += count.get();
    }
    return total;
  }

  private static void summarise(Map<String, Object> document, List<Map<String, Object>> steps, Map<String, Object> raw) {
    Map<String, Object> best = steps.stream().filter(s -> s.get("saturated") == null)
        .reduce((a, b) -> b).orElse(null);
    double maxAccepted = steps.stream().mapToDouble(s -> (double) s.get("acceptedPerSecond")).max().orElse(0);
    double maxSustainedDeliveries = steps.stream()
        .mapToDouble(s -> (double) s.get("deliveriesPerSecondSustained")).max().orElse(0);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("highestRateKeptUp", best == null ? null : best.get("offeredPerSecond"));
    summary.put("maxAcceptedPerSecond", maxAccepted);
    summary.put("maxDeliveriesPerSecondSustained", maxSustainedDeliveries);
    summary.put("rawParseEncodePerSecond", raw.get("perSecond"));
    summary.put("pipelineAsShareOfRawParseEncode", maxAccepted / (double) raw.get("perSecond"));
    document.put("summary", summary);
  }

  static String table(List<Map<String, Object>> steps) {
    String format = "%8s %9s %9s %8s %8s %8s %9s %9s %9s %7s %7s %7s %6s %6s  %s%n";
    StringBuilder table = new StringBuilder(String.format(format, "offered", "accepted", "deliv/s", "acc p50",
        "acc p95", "acc p99", "e2e p50", "e2e p95", "e2e p99", "heapMB", "liveMB", "rssMB", "cpu%", "load",
        "saturated"));
    for (Map<String, Object> s : steps) {
      table.append(String.format(format, s.get("offeredPerSecond"), f(s.get("acceptedPerSecond")),
          f(s.get("deliveriesPerSecondSustained")), f(s.get("acceptMsP50")), f(s.get("acceptMsP95")),
          f(s.get("acceptMsP99")), f(s.get("endToEndMsP50")), f(s.get("endToEndMsP95")), f(s.get("endToEndMsP99")),
          f(s.get("heapPeakMb")), f(s.get("heapLiveMbAfterGc")), f(s.get("rssMb")), f(s.get("cpuPercentOfMachine")),
          String.format("%.1f", (double) s.get("loadAverage")), s.get("saturated") == null ? "no" : s.get("saturated")));
    }
    return table.toString();
  }

  private static String f(Object value) {
    return value instanceof Double d ? (d.isNaN() ? "-" : String.format("%.0f", d)) : String.valueOf(value);
  }

  /** The command line. */
  record Options(boolean quick, boolean postgres, boolean skipColdStart, List<Integer> rates, int stepSeconds,
      double fileShare, int housingDelayMs, int people, Path out) {

    static Options parse(String[] args) {
      boolean quick = List.of(args).contains("--quick");
      boolean postgres = false;
      boolean skipColdStart = false;
      List<Integer> rates = quick ? List.of(25, 50) : List.of(10, 25, 50, 100, 200, 400, 800, 1000);
      int stepSeconds = quick ? 5 : 20;
      double fileShare = 0.1;
      int housingDelayMs = 20;
      int people = 200;
      Path out = Path.of("bench", "target", "load-results.json");
      List<String> rest = new ArrayList<>(List.of(args));
      while (!rest.isEmpty()) {
        String arg = rest.remove(0);
        switch (arg) {
          case "--quick" -> { }
          case "--postgres" -> postgres = true;
          case "--no-cold-start" -> skipColdStart = true;
          case "--rates" -> rates = List.of(value(arg, rest).split(",")).stream().map(Integer::parseInt).toList();
          case "--step-seconds" -> stepSeconds = Integer.parseInt(value(arg, rest));
          case "--file-share" -> fileShare = Double.parseDouble(value(arg, rest));
          case "--housing-delay" -> housingDelayMs = Integer.parseInt(value(arg, rest));
          case "--people" -> people = Integer.parseInt(value(arg, rest));
          case "--out" -> out = Path.of(value(arg, rest));
          default -> throw new IllegalArgumentException("Unknown argument " + arg);
        }
      }
      return new Options(quick, postgres, skipColdStart, rates, stepSeconds, fileShare, housingDelayMs, people, out);
    }

    private static String value(String option, List<String> rest) {
      if (rest.isEmpty()) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return rest.remove(0);
    }
  }
}
