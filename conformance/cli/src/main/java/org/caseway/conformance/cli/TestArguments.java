package org.caseway.conformance.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.caseway.conformance.kit.KitOptions;
import org.caseway.conformance.kit.Level;

/**
 * The arguments of {@code test}: {@code --suite NAME --target URL|FILE|DIR|kafka://host:port/topic
 * [--token TOKEN | --token-file FILE] [--partner ID] [--level core|full] [--var NAME=VALUE]...
 * [--suites-dir DIR] [--report-dir DIR] [--timeout PT30S]}.
 *
 * @param suite the suite's name
 * @param target what to test
 * @param reportDir where the reports go; default {@code conformance-report}
 * @param options everything else, for the kit
 */
record TestArguments(String suite, String target, Path reportDir, KitOptions options) {

  static final String USAGE = "test --suite SUITE --target URL|FILE|DIR [--token TOKEN|--token-file FILE] [--partner ID] "
      + "[--level core|full] [--var NAME=VALUE]... [--suites-dir DIR] [--report-dir DIR] [--timeout PT30S]";

  /**
   * @throws IllegalArgumentException with a message for the user when they are wrong
   */
  static TestArguments parse(List<String> args) {
    String suite = null;
    String target = null;
    Path reportDir = Path.of("conformance-report");
    KitOptions options = KitOptions.defaults();
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(option + " needs a value.");
      }
      String value = args.get(++i);
      switch (option) {
        case "--suite" -> suite = value;
        case "--target" -> target = value;
        case "--token" -> options = options.withToken(value);
        case "--token-file" -> options = options.withToken(tokenFrom(Path.of(value)));
        case "--partner" -> options = options.withPartner(value);
        case "--level" -> options = options.withLevel(Level.of(value));
        case "--var" -> options = options.withVariable(key(value), value.substring(value.indexOf('=') + 1));
        case "--suites-dir" -> options = options.withSuitesDir(directory(value));
        case "--report-dir" -> reportDir = Path.of(value);
        case "--timeout" -> options = options.withRequestTimeout(duration(value));
        default -> throw new IllegalArgumentException("Unknown option '" + option + "'.");
      }
    }
    if (suite == null || target == null) {
      throw new IllegalArgumentException("test needs --suite SUITE and --target URL|FILE|DIR.");
    }
    return new TestArguments(suite, target, reportDir, options);
  }

  private static String tokenFrom(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read the token file " + file + ": " + e.getMessage());
    }
  }

  private static Path directory(String value) {
    Path dir = Path.of(value);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("No such folder: " + value);
    }
    return dir;
  }

  private static Duration duration(String value) {
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--timeout takes an ISO 8601 duration such as PT30S, not '" + value + "'.");
    }
  }

  private static String key(String variable) {
    int equals = variable.indexOf('=');
    if (equals <= 0) {
      throw new IllegalArgumentException("--var takes NAME=VALUE, not '" + variable + "'.");
    }
    return variable.substring(0, equals);
  }
}
