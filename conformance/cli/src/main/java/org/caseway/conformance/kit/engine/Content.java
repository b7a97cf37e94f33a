package org.caseway.conformance.kit.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A piece of content asserts can look at: a fixture, or a response body, with its headers (a
 * response's HTTP headers, a Kafka record's headers; none for a file). Parses itself as FHIR on
 * first use, leniently (unknown elements are the validator's to report). Not thread-safe.
 *
 * @see Fixtures
 */
final class Content {

  private final String name;
  private final String text;
  private final Map<String, List<String>> headers;
  private final FhirContext fhir;
  private Optional<IBaseResource> parsed;
  private String parseError;

  /**
   * @param name what it is, for messages: {@code fixture 'referral'}, {@code the response to ...}
   * @param text the content; empty for none
   * @param headers lower-case names; empty map when the content came with none
   */
  Content(String name, String text, Map<String, List<String>> headers, FhirContext fhir) {
    this.name = name;
    this.text = text;
    this.headers = Map.copyOf(headers);
    this.fhir = fhir;
  }

  String name() {
    return name;
  }

  String text() {
    return text;
  }

  Map<String, List<String>> headers() {
    return headers;
  }

  /** The content as a FHIR resource; empty if it is not one (see {@link #parseError()}). */
  Optional<IBaseResource> resource() {
    if (parsed == null) {
      parsed = parse();
    }
    return parsed;
  }

  /** Why {@link #resource()} is empty; null if it is not. */
  String parseError() {
    resource();
    return parseError;
  }

  private Optional<IBaseResource> parse() {
    if (text.isBlank()) {
      parseError = "it is empty";
      return Optional.empty();
    }
    if (!text.stripLeading().startsWith("{")) {
      parseError = "it is not JSON (it starts '" + Reports.abbreviate(text.strip(), 40) + "')";
      return Optional.empty();
    }
    try {
      return Optional.of(fhir.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false)).parseResource(text));
    } catch (RuntimeException e) {
      parseError = "it is not a FHIR resource in JSON: " + e.getMessage();
      return Optional.empty();
    }
  }
}
