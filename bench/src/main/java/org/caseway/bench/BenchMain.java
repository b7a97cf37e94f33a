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
 * Runs the benchmarks, prints one table, and writes it as JSON.
 *
 * <pre>
 * java -jar bench/target/caseway-bench.jar [--quick] [--include REGEX] [--out FILE]
 * </pre>
 *
 * <p>Every figure is the median-free JMH average of one fork; each is also given as a ratio of
 * HAPI's parse+encode of the same message, the ceiling for any FHIR pipeline on the machine, so
 * figures from a noisy, shared machine can still be compared run to run.
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) throws RunnerException, IOException {
    Arguments arguments = Arguments.parse(args);
    Collection<RunResult> results = new Runner(options(arguments)).run();
    List<Row> rows = Rows.from(results);
    System.out.println();
    System.out.println(Rows.table(rows));
    write(arguments.out(), rows);
    System.out.println("Written to " + arguments.out().toAbsolutePath());
  }

  private static org.openjdk.jmh.runner.options.Options options(Arguments arguments) {
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(arguments.include())
            .forks(1)
            .threads(1)
            .jvmArgsAppend("-Xmx1g")
            .shouldFailOnError(true);
    if (arguments.quick()) {
      options.warmupIterations(2).warmupTime(TimeValue.seconds(1))
          .measurementIterations(3).measurementTime(TimeValue.seconds(1));
    } else {
      options.warmupIterations(3).warmupTime(TimeValue.seconds(2))
          .measurementIterations(5).measurementTime(TimeValue.seconds(2));
    }
    return options.build();
  }

  private static void write(Path out, List<Row> rows) throws IOException {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("machine", Machine.describe());
    document.put("results", rows);
    Files.createDirectories(out.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), document);
  }

  /** The command line. */
  record Arguments(boolean quick, String include, Path out) {

    static Arguments parse(String[] args) {
      boolean quick = false;
      String include = "org.caseway.bench.*";
      Path out = Path.of("bench", "target", "bench-results.json");
      List<String> rest = new ArrayList<>(List.of(args));
      while (!rest.isEmpty()) {
        String arg = rest.remove(0);
        switch (arg) {
          case "--quick" -> quick = true;
          case "--include" -> include = value(arg, rest);
          case "--out" -> out = Path.of(value(arg, rest));
          default -> throw new IllegalArgumentException(
              "Unknown argument " + arg + "; usage: [--quick] [--include REGEX] [--out FILE]");
        }
      }
      return new Arguments(quick, include, out);
    }

    private static String value(String option, List<String> rest) {
      if (rest.isEmpty()) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return rest.remove(0);
    }
  }
}
