package org.caseway.adapters.outbound;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.caseway.adapters.ChannelDefinition;

/**
 * REST push: POSTs one JSON payload to the recipient's API (the council's partner notifications,
 * council-asb-api.md). 2xx is delivered ({@code 201} created, {@code 200} a repeat the recipient
 * ignored); 429 and 5xx are transient, with the recipient's {@code Retry-After}; 400 (the recipient
 * refuses the payload; its {@code errors} are quoted) and every other 4xx are permanent.
 *
 * <p>Settings: {@code url} (required), {@code timeout}, {@code api-key} and {@code api-key-header}
 * (default {@code X-Api-Key}). Thread-safe.
 */
public class RestPushSender implements Processor {

  private static final int ERRORS_SHOWN = 500;

  private final HttpCall call;
  private final Map<String, String> headers = new LinkedHashMap<>();

  public RestPushSender(ChannelDefinition channel, HttpClient http, Clock clock) {
    this.call = new HttpCall(channel, http, clock, "");
    headers.put("Content-Type", "application/json");
    headers.put("Accept", "application/json");
    channel.optional("api-key").ifPresent(key -> headers.put(channel.optional("api-key-header", "X-Api-Key"), key));
  }

  @Override
  public void process(Exchange exchange) {
    send(exchange.getIn().getBody(OutboundPayload.class));
  }

  public void send(OutboundPayload payload) {
    HttpResponse<String> response = call.post(payload.content(), headers);
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    throw call.failure(response, explain(status, response.body()));
  }

  private static String explain(int status, String body) {
    return switch (status) {
      case 400 -> "it refused the payload, not retried: " + shorten(body);
      case 401, 403 -> "the API key was refused; set the channel's api-key";
      default -> "";
    };
  }

  private static String shorten(String body) {
    String text = body == null ? "" : body.strip();
    return text.length() > ERRORS_SHOWN ? text.substring(0, ERRORS_SHOWN) + "..." : text;
  }
}
