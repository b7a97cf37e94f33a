package org.caseway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the microbenchmarks, then the end-to-end load run ({@link LoadMain}, in a JVM of its own),
 * prints both tables and writes them as one JSON document with the machine's description.
 *
 * <pre>
 * java -jar bench/target/caseway-bench.jar [--quick] [--include REGEX] [--postgres] [--no-load]
 *     [--load-only] [--jfr] [--out FILE]
 * </pre>
 *
 * <p>Every microbenchmark figure is the JMH average of one fork; each is also given as a ratio of
 * HAPI's parse+encode of the same message, the ceiling for any FHIR pipeline on the machine, so
 * figures from a noisy, shared machine can still be compared run to run.
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
    Arguments arguments = Arguments.parse(args);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("machine", Machine.describe());
    document.put("database", arguments.postgres() ? "postgres" : "h2");
    String microTable = null;
    if (!arguments.loadOnly()) {
      Collection<RunResult> results = new Runner(options(arguments)).run();
      List<Row> rows = Rows.from(results);
      microTable = Rows.table(rows);
      document.put("results", rows);
      document.put("machineAfterMicrobenchmarks", Machine.describe());
    }
    if (arguments.load()) {
      document.put("load", load(arguments));
    }
    System.out.println();
    if (microTable != null) {
      System.out.println(microTable);
    }
    if (document.get("load") instanceof Map<?, ?> load) {
      System.out.println("Load run: " + load.get("summary") + "; cold start " + load.get("coldStart"));
    }
    write(arguments.out(), document);
    System.out.println("Written to " + arguments.out().toAbsolutePath());
  }

  private static org.openjdk.jmh.runner.options.Options options(Arguments arguments) {
    List<String> jvm = new ArrayList<>(List.of("-Xmx1g", "-Dlogback.configurationFile=bench-logback.xml"));
    if (arguments.postgres()) {
      jvm.add("-D" + BenchDatabase.PROPERTY + "=postgres");
    }
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(arguments.include())
            .forks(1)
            .threads(1)
            .jvmArgsAppend(jvm.toArray(String[]::new))
            .shouldFailOnError(true);
    if (arguments.quick()) {
      options.warmupIterations(2).warmupTime(TimeValue.seconds(1))
          .measurementIterations(3).measurementTime(TimeValue.seconds(1))
          .param("people", "1000");
    } else {
      options.warmupIterations(3).warmupTime(TimeValue.seconds(2))
          .measurementIterations(5).measurementTime(TimeValue.seconds(2));
    }
    return options.build();
  }

  /** Runs {@link LoadMain} in a JVM of its own (its heap, RSS and CPU are then the gateway's). */
  private static Object load(Arguments arguments) throws IOException, InterruptedException {
    Path out = Path.of("bench", "target", "load-results.json");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
    if (arguments.jfr()) {
      command.add("-XX:+FlightRecorder");
      command.add("-XX:StartFlightRecording=filename=bench/target/load.jfr,settings=profile,dumponexit=true");
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), LoadMain.class.getName(),
        "--out", out.toString()));
    if (arguments.quick()) {
      command.add("--quick");
    }
    if (arguments.postgres()) {
      command.add("--postgres");
    }
    System.out.println("Load run: " + String.join(" ", command));
    int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
    if (exit != 0 || !Files.exists(out)) {
      throw new IllegalStateException("The load run failed (exit " + exit + "); its output is above");
    }
    Object load = new ObjectMapper().readValue(out.toFile(), Object.class);
    if (arguments.jfr()) {
      Map<String, Object> document = (Map<String, Object>) load;
      Object from = document.get("stepsStartedAt");
      document.put("profile", JfrSummary.summarise(Path.of("bench", "target", "load.jfr"), 25,
          from == null ? java.time.Instant.EPOCH : java.time.Instant.parse((String) from)));
    }
    return load;
  }

  private static void write(Path out, Map<String, Object> document) throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), document);
  }

  /** The command line. */
  record Arguments(boolean quick, String include, boolean postgres, boolean load, boolean loadOnly, boolean jfr,
      Path out) {

    static Arguments parse(String[] args) {
      boolean quick = false;
      String include = "org.caseway.bench.*";
      boolean postgres = false;
      boolean load = true;
      boolean loadOnly = false;
      boolean jfr = false;
      Path out = Path.of("bench", "target", "bench-results.json");
      List<String> rest = new ArrayList<>(List.of(args));
      while (!rest.isEmpty()) {
        String arg = rest.remove(0);
        switch (arg) {
          case "--quick" -> quick = true;
          case "--include" -> include = value(arg, rest);
          case "--postgres" -> postgres = true;
          case "--no-load" -> load = false;
          case "--load-only" -> loadOnly = true;
          case "--jfr" -> jfr = true;
          case "--out" -> out = Path.of(value(arg, rest));
          default -> throw new IllegalArgumentException("Unknown argument " + arg + "; usage: [--quick] "
              + "[--include REGEX] [--postgres] [--no-load] [--load-only] [--jfr] [--out FILE]");
        }
      }
      return new Arguments(quick, include, postgres, load, loadOnly, jfr, out);
    }

    private static String value(String option, List<String> rest) {
      if (rest.isEmpty()) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return rest.remove(0);
    }
  }
}
