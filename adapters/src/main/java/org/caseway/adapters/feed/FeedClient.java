package org.caseway.adapters.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caseway.adapters.ChannelDefinition;

/**
 * Reads one page of a partner's change feed over HTTP:
 * {@code GET {url}{path}?since={cursor}&limit={page-size}}, authenticated by an API key header
 * (council-asb-api.md). Tells transient failures (429 with its {@code Retry-After}, 5xx, timeouts,
 * refused connections) from permanent ones (other 4xx, a body that is not the documented page).
 *
 * <p>Settings: {@code url} (required: the feed resource, e.g. {@code https://council.example/api/v2/cases/changes}),
 * {@code api-key} and {@code api-key-header} (default
 * {@code X-Api-Key}), {@code page-size} (default 50), {@code timeout} (default 10s), and the page's
 * field names {@code items-field} ({@code changes}), {@code cursor-field} ({@code nextCursor}),
 * {@code more-field} ({@code hasMore}). Thread-safe.
 */
public class FeedClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChannelDefinition channel;
  private final HttpClient http;
  private final Clock clock;
  private final URI endpoint;
  private final Optional<String> apiKey;
  private final String apiKeyHeader;
  private final int pageSize;
  private final Duration timeout;

  public FeedClient(ChannelDefinition channel, HttpClient http, Clock clock) {
    this.channel = channel;
    this.http = http;
    this.clock = clock;
    this.endpoint = URI.create(channel.required("url"));
    this.apiKey = channel.optional("api-key");
    this.apiKeyHeader = channel.optional("api-key-header", "X-Api-Key");
    this.pageSize = channel.positiveInteger("page-size", 50);
    this.timeout = channel.duration("timeout", Duration.ofSeconds(10));
  }

  /**
   * @param cursor where to read from; empty for the very first call
   * @throws FeedException when the page could not be read
   */
  public FeedPage fetch(Optional<String> cursor) {
    HttpResponse<String> response = send(request(cursor));
    int status = response.statusCode();
    if (status == 200) {
      return read(response.body());
    }
    boolean transientFailure = status == 429 || status >= 500;
    throw new FeedException(transientFailure, channel.partnerId() + "'s change feed answered " + status
        + explain(status), RetryAfter.parse(response.headers().firstValue("Retry-After"), clock), null);
  }

  private HttpRequest request(Optional<String> cursor) {
    String query = "limit=" + pageSize
        + cursor.map(c -> "&since=" + URLEncoder.encode(c, StandardCharsets.UTF_8)).orElse("");
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + (endpoint.getRawQuery() == null ? "?" : "&") + query))
        .timeout(timeout)
        .header("Accept", "application/json")
        .GET();
    apiKey.ifPresent(key -> request.header(apiKeyHeader, key));
    return request.build();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new FeedException(true, channel.partnerId() + "'s change feed did not answer within " + timeout,
          Optional.empty(), e);
    } catch (IOException e) {
      throw new FeedException(true, "Could not reach " + channel.partnerId() + "'s change feed at " + endpoint
          + ": " + e.getClass().getSimpleName(), Optional.empty(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FeedException(true, "Interrupted while reading " + channel.partnerId() + "'s change feed",
          Optional.empty(), e);
    }
  }

  /** Reads a 200 answer's body as a page; package-private for the fuzz test of the feed's JSON. */
  FeedPage read(String body) {
    try {
      JsonNode page = JSON.readTree(body);
      JsonNode items = page.path(channel.optional("items-field", "changes"));
      JsonNode cursor = page.path(channel.optional("cursor-field", "nextCursor"));
      JsonNode more = page.path(channel.optional("more-field", "hasMore"));
      if (!items.isArray() || !cursor.isTextual() || cursor.asText().isBlank() || !more.isBoolean()) {
        throw notAPage("it lacks the items array, the next cursor or the has-more flag", null);
      }
      List<JsonNode> changes = new ArrayList<>();
      items.forEach(changes::add);
      return new FeedPage(changes, cursor.asText(), more.asBoolean());
    } catch (IOException e) {
      throw notAPage("it is not JSON", e);
    }
  }

  private FeedException notAPage(String why, Throwable cause) {
    return new FeedException(false, channel.partnerId() + "'s change feed answered 200 with a body that is"
        + " not a feed page: " + why, Optional.empty(), cause);
  }

  private String explain(int status) {
    return switch (status) {
      case 401, 403 -> ": the API key was refused; set the channel's api-key (from the partner)";
      case 400 -> ": the partner refused the request (an unknown cursor?); check the stored cursor";
      case 429 -> ": rate limited";
      default -> status >= 500 ? ": the partner's server is unavailable" : "";
    };
  }
}
