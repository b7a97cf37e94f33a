package org.caseway.conformance.kit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request the kit sent and what came back, as reports show it. Bodies are kept whole here
 * (asserts need them); reports truncate them. The {@code Authorization} header is never kept: it
 * is recorded as {@code Bearer (redacted)}.
 *
 * @param method HTTP method, e.g. {@code POST}
 * @param url the full URL requested
 * @param requestHeaders the headers sent, names as given
 * @param requestBody the body sent; empty string for none
 * @param status the HTTP status received; 0 when no answer came (see {@code transportError})
 * @param responseHeaders the headers received, names lower-case
 * @param responseBody the body received; empty string for none
 * @param elapsed from sending the request to having read the whole answer
 * @param transportError why no answer came (connection refused, timed out), if none did
 */
public record Exchange(
    String method,
    String url,
    Map<String, String> requestHeaders,
    String requestBody,
    int status,
    Map<String, List<String>> responseHeaders,
    String responseBody,
    Duration elapsed,
    Optional<String> transportError) {

  public Exchange {
    requestHeaders = Map.copyOf(requestHeaders);
    responseHeaders = Map.copyOf(responseHeaders);
  }

  /** The first value of a response header (name case-insensitive), if it was sent. */
  public Optional<String> responseHeader(String name) {
    List<String> values = responseHeaders.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** {@code POST http://host/fhir/$process-message → 200 (312 ms)}, or the transport error. */
  public String summary() {
    String answer = transportError.map(error -> "no answer: " + error)
        .orElse(status + " (" + elapsed.toMillis() + " ms)");
    return method + " " + url + " → " + answer;
  }
}
