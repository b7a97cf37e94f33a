package org.caseway.northshire.simulators;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** JSON for the simulators, read strictly: a repeated key is refused, as the partners' parsers do. */
final class Json {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  private Json() {}

  /** The parsed document, or empty if {@code content} is not JSON (or holds a repeated key). */
  static Optional<JsonNode> read(byte[] content) {
    try {
      return Optional.ofNullable(MAPPER.readTree(content)).filter(node -> !node.isMissingNode());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Parses a JSON object given by the caller of a simulator.
   *
   * @throws IllegalArgumentException saying what {@code what} must be if it is not a JSON object
   */
  static JsonNode object(String content, String what) {
    try {
      JsonNode node = content == null ? null : MAPPER.readTree(content);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException(what + " must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(what + " must be a JSON object: " + e.getOriginalMessage(), e);
    }
  }

  /** {@code {"errors":[...]}}, the council's error body. */
  static String errors(List<String> errors) {
    return write(Map.of("errors", errors));
  }

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }
}
