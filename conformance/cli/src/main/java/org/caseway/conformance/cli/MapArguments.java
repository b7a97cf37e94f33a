package org.caseway.conformance.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The arguments of {@code map}: {@code --mapping ID --input FILE [--mappings-dir DIR] [--param k=v]...}. */
record MapArguments(String mapping, Path input, Optional<Path> mappingsDir, Map<String, String> parameters) {

  /**
   * Parses the arguments.
   *
   * @throws IllegalArgumentException with a message for the user when they are wrong
   */
  static MapArguments parse(List<String> args) {
    String mapping = null;
    Path input = null;
    Path mappingsDir = null;
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(option + " needs a value.");
      }
      String value = args.get(++i);
      switch (option) {
        case "--mapping" -> mapping = value;
        case "--input" -> input = Path.of(value);
        case "--mappings-dir" -> mappingsDir = Path.of(value);
        case "--param" -> parameters.put(key(value), value.substring(value.indexOf('=') + 1));
        default -> throw new IllegalArgumentException("Unknown option '" + option + "'.");
      }
    }
    if (mapping == null || input == null) {
      throw new IllegalArgumentException("map needs --mapping ID and --input FILE.");
    }
    return new MapArguments(mapping, input, Optional.ofNullable(mappingsDir), parameters);
  }

  private static String key(String parameter) {
    int equals = parameter.indexOf('=');
    if (equals <= 0) {
      throw new IllegalArgumentException("--param takes KEY=VALUE, not '" + parameter + "'.");
    }
    return parameter.substring(0, equals);
  }
}
