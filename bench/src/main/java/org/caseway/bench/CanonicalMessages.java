package org.caseway.bench;

import java.util.Map;
import java.util.TreeMap;
import org.caseway.conformance.ImplementationGuide;

/** The guide's example message of every event, as the JSON a partner would send. */
final class CanonicalMessages {

  static final String PREFIX = "Bundle-example-";

  private CanonicalMessages() {}

  /** Event code to message JSON, for every example message except acknowledgements. */
  static Map<String, String> byEvent() {
    ImplementationGuide guide = ImplementationGuide.load();
    Map<String, String> messages = new TreeMap<>();
    guide.examples().forEach((name, resource) -> {
      if (name.startsWith(PREFIX) && !name.contains("acknowledgement")) {
        messages.put(
            name.substring(PREFIX.length()),
            guide.fhirContext().newJsonParser().encodeResourceToString(resource));
      }
    });
    return messages;
  }

  static String json(String event) {
    String json = byEvent().get(event);
    if (json == null) {
      throw new IllegalArgumentException("No example message for event " + event + "; known: " + byEvent().keySet());
    }
    return json;
  }
}
