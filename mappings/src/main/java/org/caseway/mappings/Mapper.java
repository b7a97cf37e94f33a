package org.caseway.mappings;

/**
 * A mapping ready to run: compiled once by its {@link MappingEngine}, then called for every input.
 *
 * <p>Contract: thread-safe (adapters call one mapper from several threads); never returns null;
 * the same input and parameters always give the same outputs (ids are name-based UUIDs made from
 * the source's references, so a repeated input makes repeated message ids, which the gateway takes
 * once). Throws {@link MappingException} only when the whole input is refused (unreadable, too
 * large, wrong header, a bad parameter); bad records are returned as {@link RecordError}s.
 */
public interface Mapper {

  /** The definition this mapper was compiled from. */
  MappingDefinition definition();

  /** Maps one input. */
  MappingResult map(MappingInput input);
}
