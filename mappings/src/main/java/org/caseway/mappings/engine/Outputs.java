package org.caseway.mappings.engine;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.caseway.mappings.MappingDefinition;
import org.caseway.mappings.MappingOutput;
import org.caseway.mappings.json.Json;

/** Turns a JSONata result into outputs: an object is one output, an array one per item, undefined none. */
final class Outputs {

  private Outputs() {}

  static void collect(Object result, MappingDefinition definition, Json json, String key,
      List<Integer> lines, Consumer<MappingOutput> sink) {
    if (result instanceof List<?> items) {
      for (Object item : items) {
        collect(item, definition, json, key, lines, sink);
      }
    } else if (result instanceof Map<?, ?>) {
      sink.accept(new MappingOutput(json.write(result), definition.mediaType(), key, lines));
    } else if (result != null) {
      throw new IllegalStateException("the expression gave " + result.getClass().getSimpleName()
          + " where a JSON object or an array of objects is expected");
    }
  }
}
