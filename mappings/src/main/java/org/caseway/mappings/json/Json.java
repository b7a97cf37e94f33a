package org.caseway.mappings.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.dashjoin.jsonata.Jsonata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseway.mappings.InputLimits;
import org.caseway.mappings.MappingErrorCode;
import org.caseway.mappings.MappingException;

/**
 * JSON in and out of the mapping languages: reads bounded JSON into plain maps and lists (what
 * JSONata evaluates), and writes JSONata's results back as pretty JSON with whole numbers as
 * integers. Thread-safe.
 */
public final class Json {

  private final ObjectMapper reader;
  private final ObjectMapper writer;
  private final InputLimits limits;

  public Json(InputLimits limits) {
    this.limits = limits;
    JsonFactory bounded = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxJsonDepth())
            .maxStringLength(Math.toIntExact(Math.min(Integer.MAX_VALUE, limits.maxBytes())))
            .build())
        .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .build();
    this.reader = JsonMapper.builder(bounded).build();
    this.writer = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  }

  /**
   * Parses {@code text} into maps, lists, strings, numbers, booleans and nulls.
   *
   * @throws MappingException {@link MappingErrorCode#INPUT_UNREADABLE} with line and column when
   *     it is not JSON, {@link MappingErrorCode#INPUT_TOO_LARGE} when it nests deeper than allowed
   */
  public Object parse(String source, String text) {
    try {
      return reader.readValue(stripBom(text), Object.class);
    } catch (StreamConstraintsException e) {
      throw new MappingException(MappingErrorCode.INPUT_TOO_LARGE, source + " nests deeper than "
          + limits.maxJsonDepth() + " levels, or holds a longer value than allowed: "
          + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new MappingException(MappingErrorCode.INPUT_UNREADABLE,
          source + " is not JSON" + where + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Writes a JSONata result (or any map/list tree) as indented JSON. */
  public String write(Object value) {
    try {
      return writer.writeValueAsString(normalise(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSONata result is always writable as JSON", e);
    }
  }

  /** JSONata computes in doubles and marks JSON null with a sentinel; JSON wants 478210, not 478210.0. */
  static Object normalise(Object value) {
    if (value == null || value == Jsonata.NULL_VALUE) {
      return null;
    }
    if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()
        && Math.abs(number) < 1e15) {
      return number.longValue();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, item) -> copy.put(String.valueOf(key), normalise(item)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(normalise(item)));
      return copy;
    }
    return value;
  }

  private static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
