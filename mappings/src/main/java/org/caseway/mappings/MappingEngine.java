package org.caseway.mappings;

/**
 * A mapping language, chosen by name in {@code mapping.yaml} ({@code engine: jsonata}). Engines
 * are found through {@link MappingEngines}; a new one is one class and one line there.
 *
 * <p>Contract: implementations are stateless and thread-safe. {@link #compile} reads the mapping's
 * files once and throws {@link MappingException} with {@link MappingErrorCode#MAPPING_INVALID}
 * when they are broken (naming the file and, where the language says, the position), so that a
 * broken mapping fails at start-up rather than on the first input.
 */
public interface MappingEngine {

  /** The name used in {@code mapping.yaml}. */
  String name();

  /** Compiles a mapping; the returned mapper is thread-safe. */
  Mapper compile(MappingDefinition definition, MappingFiles files);
}
