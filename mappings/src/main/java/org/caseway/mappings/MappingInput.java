package org.caseway.mappings;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * One input to map.
 *
 * @param name the input's name (the dropped file's name, a feed page), used in errors and, by
 *     some mappings, in the output (the police export's time is in its file name)
 * @param content the raw bytes; the mapping's {@code encoding} parameter says how to read them
 * @param parameters values for the mapping's parameters; they override the defaults in
 *     {@code mapping.yaml} (e.g. {@code event=case-updated}, {@code encoding=windows-1252})
 */
public record MappingInput(String name, byte[] content, Map<String, String> parameters) {

  public MappingInput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
    parameters = Map.copyOf(parameters);
  }

  /** An input from text (UTF-8). */
  public static MappingInput ofText(String name, String content, Map<String, String> parameters) {
    return new MappingInput(name, content.getBytes(StandardCharsets.UTF_8), parameters);
  }
}
