package org.caseway.mappings;

import java.util.List;

/**
 * One output of a mapping: a canonical message bundle or one partner payload.
 *
 * @param content the output text (JSON or XML), ready to send
 * @param mediaType {@code application/fhir+json}, {@code application/json} or {@code text/xml}
 * @param key what the output is about in the source's terms (an incident reference, a case
 *     number, a tenancy reference); for logs and error reports, never personal data
 * @param lines the input lines it was made from (CSV), empty for other inputs
 */
public record MappingOutput(String content, String mediaType, String key, List<Integer> lines) {

  public MappingOutput {
    lines = List.copyOf(lines);
  }

  /** Whether this output is a Caseway canonical message (and so can be validated). */
  public boolean isCanonical() {
    return "application/fhir+json".equals(mediaType);
  }
}
