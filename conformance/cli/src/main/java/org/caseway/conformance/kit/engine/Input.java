package org.caseway.conformance.kit.engine;

import java.util.List;
import java.util.Map;

/**
 * One piece of content under test (sender suite): a message a partner produced.
 *
 * @param name where it came from, for reports: a file name, or {@code topic/partition@offset}
 * @param text the content as produced
 * @param headers the Kafka record's headers, lower-case names; empty for a file
 */
public record Input(String name, String text, Map<String, List<String>> headers) {

  public Input {
    headers = Map.copyOf(headers);
  }
}
