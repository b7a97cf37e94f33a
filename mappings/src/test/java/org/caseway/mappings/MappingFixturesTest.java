package org.caseway.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture of every shipped mapping: the outputs equal the expected files (JSON compared as
 * trees, XML with whitespace between tags ignored) and the errors equal {@code errors.txt}.
 * To review a changed mapping, run with {@code -Dcaseway.fixtures.write=true}: it writes the
 * actual outputs over the expected ones, for a person to read in the diff before committing.
 */
class MappingFixturesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Mappings MAPPINGS = Mappings.onClasspath();

  static Stream<Fixture> fixtures() throws IOException {
    return Fixture.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void mapsAsExpected(Fixture fixture) throws IOException {
    MappingResult result = MAPPINGS.mapper(fixture.mapping()).map(fixture.mappingInput());
    if (Boolean.getBoolean("caseway.fixtures.write")) {
      write(fixture, result);
    }
    List<Path> expected = fixture.expectedOutputs();
    assertThat(result.errors().stream().map(RecordError::describe).toList())
        .as("errors of " + fixture).containsExactlyElementsOf(fixture.expectedErrors());
    assertThat(result.outputs()).as("outputs of " + fixture).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      String actual = result.outputs().get(i).content();
      String wanted = Files.readString(expected.get(i), StandardCharsets.UTF_8);
      if (expected.get(i).toString().endsWith(".xml")) {
        assertThat(normaliseXml(actual)).as(expected.get(i).toString()).isEqualTo(normaliseXml(wanted));
      } else {
        assertThat(JSON.readTree(actual)).as(expected.get(i).toString()).isEqualTo(JSON.readTree(wanted));
      }
    }
  }

  private static String normaliseXml(String xml) {
    return xml.replaceAll(">\\s+<", "><").strip();
  }

  private static void write(Fixture fixture, MappingResult result) throws IOException {
    Path dir = fixture.expected();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> old = Files.list(dir)) {
        for (Path file : old.toList()) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(dir);
    for (int i = 0; i < result.outputs().size(); i++) {
      MappingOutput output = result.outputs().get(i);
      String extension = output.mediaType().equals("text/xml") ? ".xml" : ".json";
      Files.writeString(dir.resolve((i + 1) + extension), output.content() + "\n", StandardCharsets.UTF_8);
    }
    if (result.hasErrors()) {
      Files.write(dir.resolve("errors.txt"), result.errors().stream().map(RecordError::describe).toList(),
          StandardCharsets.UTF_8);
    }
  }
}
