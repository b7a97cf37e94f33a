package org.caseway.mappings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One fixture scenario of a mapping: {@code fixtures/<scenario>/} holds one input file, optionally
 * {@code params.properties}, and {@code expected/}: the outputs ({@code 1.json}, {@code 2.json} or
 * {@code .xml}, in output order) and {@code errors.txt} (one {@link RecordError#describe()} a line).
 */
record Fixture(String mapping, String scenario, Path input, Map<String, String> parameters, Path expected) {

  static final Path MAPPINGS = Path.of("src", "main", "resources", "caseway-mappings");

  static List<Fixture> all() throws IOException {
    List<Fixture> fixtures = new ArrayList<>();
    for (String mapping : Files.readAllLines(MAPPINGS.resolve("index.txt"))) {
      Path dir = MAPPINGS.resolve(mapping.strip()).resolve("fixtures");
      try (Stream<Path> scenarios = Files.list(dir)) {
        for (Path scenario : scenarios.filter(Files::isDirectory).sorted().toList()) {
          fixtures.add(of(mapping.strip(), scenario));
        }
      }
    }
    return fixtures;
  }

  private static Fixture of(String mapping, Path scenario) throws IOException {
    Path input;
    try (Stream<Path> files = Files.list(scenario)) {
      List<Path> inputs = files.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().equals("params.properties")).toList();
      if (inputs.size() != 1) {
        throw new IllegalStateException(scenario + " must hold exactly one input file, has " + inputs);
      }
      input = inputs.get(0);
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    Path params = scenario.resolve("params.properties");
    if (Files.exists(params)) {
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(params, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
      properties.stringPropertyNames().forEach(k -> parameters.put(k, properties.getProperty(k)));
    }
    return new Fixture(mapping, scenario.getFileName().toString(), input, parameters, scenario.resolve("expected"));
  }

  MappingInput mappingInput() throws IOException {
    return new MappingInput(input.getFileName().toString(), Files.readAllBytes(input), parameters);
  }

  List<Path> expectedOutputs() throws IOException {
    if (!Files.isDirectory(expected)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(expected)) {
      return files.filter(f -> !f.getFileName().toString().equals("errors.txt"))
          .sorted((a, b) -> Integer.compare(number(a), number(b))).toList();
    }
  }

  List<String> expectedErrors() throws IOException {
    Path errors = expected.resolve("errors.txt");
    return Files.exists(errors) ? Files.readAllLines(errors, StandardCharsets.UTF_8) : List.of();
  }

  private static int number(Path file) {
    String name = file.getFileName().toString();
    return Integer.parseInt(name.substring(0, name.indexOf('.')));
  }

  @Override
  public String toString() {
    return mapping + "/" + scenario;
  }
}
