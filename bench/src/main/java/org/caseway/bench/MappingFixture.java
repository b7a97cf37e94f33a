package org.caseway.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.caseway.mappings.MappingInput;

/**
 * One input of a mapping's committed fixtures (mappings/src/main/resources/caseway-mappings/), read
 * from the class path as a partner's system would hand it over: the file's name, its bytes and the
 * scenario's {@code params.properties}.
 *
 * @param mapping the mapping id, e.g. {@code police-rms-csv}
 * @param scenario the fixture folder, e.g. {@code sample}
 * @param file the input file in it
 */
record MappingFixture(String mapping, String scenario, String file) {

  /** {@code mapping/scenario/file}, as a benchmark parameter names it. */
  static MappingFixture parse(String path) {
    String[] parts = path.split("/", 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException("Not mapping/scenario/file: " + path);
    }
    return new MappingFixture(parts[0], parts[1], parts[2]);
  }

  MappingInput input() {
    return new MappingInput(file, bytes(file), parameters());
  }

  private Map<String, String> parameters() {
    String folder = "caseway-mappings/" + mapping + "/fixtures/" + scenario + "/params.properties";
    if (getClass().getClassLoader().getResource(folder) == null) {
      return Map.of();
    }
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(new String(bytes("params.properties"), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(k -> parameters.put(k, properties.getProperty(k)));
    return parameters;
  }

  private byte[] bytes(String name) {
    String resource = "caseway-mappings/" + mapping + "/fixtures/" + scenario + "/" + name;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + resource + " on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
