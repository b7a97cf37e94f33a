package org.caseway.adapters.outbound;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.caseway.adapters.ChannelDefinition;
import org.caseway.adapters.feed.RetryAfter;

/**
 * One HTTP POST to a recipient, with the channel's endpoint and timeout; failures to reach it are
 * transient {@link DeliveryFailure}s. The status is the caller's to judge. Thread-safe.
 *
 * <p>Settings: {@code url} (required, the full endpoint), {@code timeout} (default 10s, per call).
 */
final class HttpCall {

  private final ChannelDefinition channel;
  private final HttpClient http;
  private final Clock clock;
  private final URI endpoint;
  private final Duration timeout;

  HttpCall(ChannelDefinition channel, HttpClient http, Clock clock, String path) {
    this.channel = channel;
    this.http = http;
    this.clock = clock;
    this.endpoint = URI.create(channel.required("url").replaceAll("/+$", "") + path);
    this.timeout = channel.duration("timeout", Duration.ofSeconds(10));
  }

  HttpResponse<String> post(String body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new DeliveryFailure(true, channel.partnerId() + " did not answer within " + timeout + " at " + endpoint,
          Optional.empty(), e);
    } catch (IOException e) {
      throw new DeliveryFailure(true, "Could not reach " + channel.partnerId() + " at " + endpoint + ": "
          + e.getClass().getSimpleName(), Optional.empty(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailure(true, "Interrupted while calling " + channel.partnerId(), Optional.empty(), e);
    }
  }

  /** The failure for a status that is not success: 429 and 5xx transient (with Retry-After), others permanent. */
  DeliveryFailure failure(HttpResponse<String> response, String detail) {
    int status = response.statusCode();
    boolean transientFailure = status == 429 || status >= 500;
    return new DeliveryFailure(transientFailure, channel.partnerId() + " answered " + status + " at " + endpoint
        + (detail.isEmpty() ? "" : ": " + detail),
        RetryAfter.parse(response.headers().firstValue("Retry-After"), clock), null);
  }

  String partnerId() {
    return channel.partnerId();
  }

  URI endpoint() {
    return endpoint;
  }
}
