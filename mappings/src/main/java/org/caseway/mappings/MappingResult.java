package org.caseway.mappings;

import java.util.List;

/**
 * What a mapping made of one input: the good outputs and the bad records. A partly bad input
 * yields its good records; an input with errors and no outputs is entirely bad.
 */
public record MappingResult(List<MappingOutput> outputs, List<RecordError> errors) {

  public MappingResult {
    outputs = List.copyOf(outputs);
    errors = List.copyOf(errors);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }
}
