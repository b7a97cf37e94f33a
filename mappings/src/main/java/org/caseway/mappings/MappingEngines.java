package org.caseway.mappings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseway.mappings.engine.CanonicalEngine;
import org.caseway.mappings.engine.CsvEngine;
import org.caseway.mappings.engine.JsonataEngine;
import org.caseway.mappings.engine.XsltEngine;

/** The mapping engines by name. Immutable and thread-safe. */
public final class MappingEngines {

  private final Map<String, MappingEngine> byName = new LinkedHashMap<>();

  public MappingEngines(List<MappingEngine> engines) {
    engines.forEach(engine -> byName.put(engine.name(), engine));
  }

  /** JSONata, CSV (column spec + JSONata), XSLT 3 and canonical (identity). */
  public static MappingEngines standard(InputLimits limits) {
    return new MappingEngines(List.of(new JsonataEngine(limits), new CsvEngine(limits),
        new XsltEngine(limits), new CanonicalEngine(limits)));
  }

  /**
   * The engine named in {@code definition}.
   *
   * @throws MappingException {@link MappingErrorCode#MAPPING_INVALID} for an unknown name
   */
  public MappingEngine engineFor(MappingDefinition definition) {
    MappingEngine engine = byName.get(definition.engine());
    if (engine == null) {
      throw new MappingException(MappingErrorCode.MAPPING_INVALID, "The mapping '" + definition.id()
          + "' names the engine '" + definition.engine() + "'; known engines: "
          + String.join(", ", byName.keySet()) + ".");
    }
    return engine;
  }
}
