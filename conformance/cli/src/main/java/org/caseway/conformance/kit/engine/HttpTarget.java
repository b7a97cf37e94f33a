package org.caseway.conformance.kit.engine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.caseway.conformance.kit.Exchange;

/**
 * Sends the requests of a suite to a FHIR server over HTTP(S) and records each exchange. The
 * {@code Authorization} header is sent but never recorded. Thread-safe.
 */
final class HttpTarget {

  private static final String REDACTED = "Bearer (redacted)";

  private final String base;
  private final Duration timeout;
  private final HttpClient client;

  /**
   * @param base the FHIR base, e.g. {@code http://localhost:8080/fhir}; a trailing slash is dropped
   * @param timeout how long to wait for one answer
   */
  HttpTarget(String base, Duration timeout) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** The FHIR base, without a trailing slash. */
  String base() {
    return base;
  }

  /**
   * Sends one request and waits for its whole answer.
   *
   * @param url absolute, or relative to the base ({@code $process-message}, {@code Patient?name=x})
   * @param headers sent as given; a header with an empty value is not sent
   * @param body empty for none
   * @return the exchange; when no answer came, status 0 and the reason in {@code transportError}
   */
  Exchange send(String method, String url, Map<String, String> headers, String body) {
    String absolute = absolute(url);
    Map<String, String> sent = new LinkedHashMap<>();
    HttpRequest.Builder request;
    try {
      request = HttpRequest.newBuilder(URI.create(absolute)).timeout(timeout);
    } catch (IllegalArgumentException e) {
      throw new KitException("Not a URL: '" + absolute + "' (" + e.getMessage() + ")");
    }
    headers.forEach((name, value) -> {
      if (value != null && !value.isEmpty()) {
        request.header(name, value);
        sent.put(name, name.equalsIgnoreCase("Authorization") ? REDACTED : value);
      }
    });
    request.method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    long started = System.nanoTime();
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Exchange(method, absolute, sent, body, response.statusCode(), lowerCase(response.headers().map()),
          response.body(), since(started), Optional.empty());
    } catch (HttpTimeoutException e) {
      return failed(method, absolute, sent, body, started, "no answer within " + timeout.toSeconds() + " s");
    } catch (IOException e) {
      return failed(method, absolute, sent, body, started, describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(method, absolute, sent, body, started, "interrupted");
    }
  }

  private String absolute(String url) {
    String absolute = url.startsWith("http://") || url.startsWith("https://") ? url
        : base + "/" + (url.startsWith("/") ? url.substring(1) : url);
    return escapeIllegal(absolute);
  }

  /**
   * Percent-encodes the characters a URL cannot carry raw (FHIR search values often hold {@code |},
   * as in {@code identifier=system|value}); everything else is sent as written.
   */
  static String escapeIllegal(String url) {
    StringBuilder out = new StringBuilder(url.length());
    for (char c : url.toCharArray()) {
      if (" \"<>\\^`{|}".indexOf(c) >= 0) {
        out.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static Exchange failed(String method, String url, Map<String, String> sent, String body, long started, String why) {
    return new Exchange(method, url, sent, body, 0, Map.of(), "", since(started), Optional.of(why));
  }

  private static String describe(IOException e) {
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof java.net.ConnectException) {
      return "could not connect (" + detail + "): is the target running at that address?";
    }
    return detail;
  }

  private static Duration since(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }

  private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
    Map<String, List<String>> lower = new LinkedHashMap<>();
    headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    return lower;
  }
}
