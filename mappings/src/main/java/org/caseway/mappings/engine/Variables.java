package org.caseway.mappings.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.caseway.mappings.MappingDefinition;
import org.caseway.mappings.MappingInput;

/** The parameters an input runs with: mapping.yaml's defaults, overridden by the input's. */
final class Variables {

  private Variables() {}

  static Map<String, String> parameters(MappingDefinition definition, MappingInput input) {
    Map<String, String> merged = new LinkedHashMap<>(definition.parameters());
    merged.putAll(input.parameters());
    return merged;
  }

  /** What a JSONata expression sees: {@code $params} (the parameters) and {@code $source} (the input's name). */
  static Map<String, Object> forJsonata(MappingDefinition definition, MappingInput input) {
    return Map.of("params", new LinkedHashMap<String, Object>(parameters(definition, input)),
        "source", input.name());
  }
}
