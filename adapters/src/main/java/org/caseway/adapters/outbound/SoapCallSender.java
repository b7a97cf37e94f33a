package org.caseway.adapters.outbound;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.caseway.adapters.ChannelDefinition;

/**
 * SOAP 1.1 call: POSTs one envelope with its {@code SOAPAction} (housing-soap.md). Delivered when the
 * service answers a response whose {@code Status} is one of {@code accepted-statuses} (default
 * {@code ACCEPTED,DUPLICATE}). A {@code Client} fault is permanent (its detail code, e.g.
 * {@code UNKNOWN_TENANCY}, is quoted); a {@code Server} fault, 503, other 5xx, 429 and timeouts are
 * transient; 401/403 are permanent (the credentials).
 *
 * <p>Settings: {@code url} (required), {@code soap-action} (required), {@code username} and
 * {@code password} (HTTP Basic, optional), {@code timeout}, {@code accepted-statuses}. Thread-safe.
 */
public class SoapCallSender implements Processor {

  private final HttpCall call;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final java.util.Set<String> acceptedStatuses;

  public SoapCallSender(ChannelDefinition channel, HttpClient http, Clock clock) {
    this.call = new HttpCall(channel, http, clock, "");
    headers.put("Content-Type", "text/xml; charset=utf-8");
    headers.put("SOAPAction", quoted(channel.required("soap-action")));
    channel.optional("username").ifPresent(user -> headers.put("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + channel.optional("password", "")).getBytes(StandardCharsets.UTF_8))));
    this.acceptedStatuses = java.util.Set.of(channel.optional("accepted-statuses", "ACCEPTED,DUPLICATE").split("\\s*,\\s*"));
  }

  @Override
  public void process(Exchange exchange) {
    send(exchange.getIn().getBody(OutboundPayload.class));
  }

  public void send(OutboundPayload payload) {
    HttpResponse<String> response = call.post(payload.content(), headers);
    Optional<SoapAnswer> answer = SoapAnswer.read(response.body());
    if (answer.isPresent() && answer.get().isFault()) {
      throw fault(response, answer.get());
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      String answered = answer.flatMap(SoapAnswer::status).orElse("");
      if (acceptedStatuses.contains(answered)) {
        return;
      }
      throw new DeliveryFailure(false, call.partnerId() + " answered " + status + " without an accepted status"
          + " (got '" + answered + "', expected one of " + acceptedStatuses + ")");
    }
    throw call.failure(response, status == 401 || status == 403 ? "the credentials were refused; set username/password" : "");
  }

  private DeliveryFailure fault(HttpResponse<String> response, SoapAnswer fault) {
    String detail = "SOAP " + fault.faultCode().orElse("") + " fault" + fault.detailCode().map(code -> " " + code).orElse("")
        + (fault.faultString().isEmpty() ? "" : ": " + fault.faultString());
    // SOAP 1.1 (4.4.1) makes a faultcode more specific with dots: Server.Busy is still the server's.
    String code = fault.faultCode().orElse("");
    if (code.equals("Server") || code.startsWith("Server.")) {
      return new DeliveryFailure(true, call.partnerId() + " answered " + response.statusCode() + " with a " + detail
          + "; retrying later", call.failure(response, "").retryAfter(), null);
    }
    return new DeliveryFailure(false, call.partnerId() + " answered " + response.statusCode() + " with a " + detail
        + "; not retried");
  }

  private static String quoted(String action) {
    return action.startsWith("\"") ? action : "\"" + action + "\"";
  }
}
