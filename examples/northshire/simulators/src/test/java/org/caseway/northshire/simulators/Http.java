package org.caseway.northshire.simulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A real HTTP client for the simulator ITs: HTTP/1.1, as the partners' servers speak it. */
final class Http {

  // Generous: the trust's first call pays for the validator's warm-up.
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private Http() {}

  /** A GET with the given header name/value pairs. */
  static HttpResponse<String> get(String url, String... headers) {
    return send(request(url, headers).GET());
  }

  /** A POST of {@code body} (UTF-8) with the given header name/value pairs. */
  static HttpResponse<String> post(String url, String body, String... headers) {
    return send(request(url, headers).POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  private static HttpRequest.Builder request(String url, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
    return headers.length == 0 ? builder : builder.headers(headers);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
