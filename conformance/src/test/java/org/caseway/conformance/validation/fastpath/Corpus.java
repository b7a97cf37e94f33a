package org.caseway.conformance.validation.fastpath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.caseway.conformance.Examples;
import org.caseway.conformance.ImplementationGuide;

/**
 * The documents the fast path is proven on: every example of the guide and every canonical message
 * the mappings' fixtures expect, by name, as their text.
 */
final class Corpus {

  /**
   * The mappings' fixtures, read from the source tree: conformance may not depend on mappings, and
   * Surefire runs in the module's directory.
   */
  static final Path MAPPINGS = Path.of("../mappings/src/main/resources/caseway-mappings");

  private Corpus() {}

  static Map<String, String> examples() {
    Map<String, String> documents = new LinkedHashMap<>();
    for (String name : ImplementationGuide.load().examples().keySet()) {
      documents.put("example " + name, Examples.text(name));
    }
    return documents;
  }

  /**
   * @throws IllegalStateException if the fixtures are not where the source tree has them (the
   *     test must not pass on an empty corpus)
   */
  static Map<String, String> fixtures() {
    if (!Files.isDirectory(MAPPINGS)) {
      throw new IllegalStateException("The mappings' fixtures are not at " + MAPPINGS.toAbsolutePath()
          + ": run the test from the conformance module of a full checkout");
    }
    Map<String, String> documents = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(MAPPINGS)) {
      files.filter(file -> file.toString().endsWith(".json"))
          .filter(file -> file.getParent().getFileName().toString().equals("expected"))
          .filter(file -> file.toString().contains("/fixtures/"))
          .sorted()
          .map(file -> Map.entry("fixture " + MAPPINGS.relativize(file), read(file)))
          // Outbound views (the council's notifications, housing's alerts) are not FHIR.
          .filter(document -> isFhirResource(document.getValue()))
          .forEach(document -> documents.put(document.getKey(), document.getValue()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (documents.isEmpty()) {
      throw new IllegalStateException("No expected output under " + MAPPINGS.toAbsolutePath());
    }
    return documents;
  }

  private static boolean isFhirResource(String json) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).has("resourceType");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
