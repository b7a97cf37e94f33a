package org.caseway.conformance.validation.fastpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** FHIR's pattern[x] matching on JSON: the instance holds at least everything the pattern holds. */
final class JsonPatterns {

  private JsonPatterns() {}

  /**
   * Whether the instance matches the pattern: objects field by field (the instance may have more
   * fields), arrays by every pattern item matching some instance item, anything else by equality.
   */
  static boolean matches(JsonNode pattern, JsonNode instance) {
    if (pattern.isObject()) {
      if (!instance.isObject()) {
        return false;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = instance.get(field.getKey());
        if (value == null || !matches(field.getValue(), value)) {
          return false;
        }
      }
      return true;
    }
    if (pattern.isArray()) {
      if (!instance.isArray()) {
        return false;
      }
      for (JsonNode wanted : pattern) {
        boolean found = false;
        for (JsonNode item : instance) {
          found = found || matches(wanted, item);
        }
        if (!found) {
          return false;
        }
      }
      return true;
    }
    return pattern.equals(instance);
  }
}
