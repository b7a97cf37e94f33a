package org.caseway.adapters.outbound;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.caseway.adapters.ChannelDefinition;

/**
 * FHIR push: {@code POST {url}/$process-message} with the canonical message as
 * {@code application/fhir+json} (mh-trust-fhir.md). 2xx (a response message) is delivered; 422 (the
 * bundle breaks the recipient's profiles) and every other 4xx but 429 are permanent; 429, 5xx,
 * timeouts and refused connections are transient.
 *
 * <p>Settings: {@code url} (required, the FHIR base), {@code timeout}. Thread-safe.
 */
public class FhirPushSender implements Processor {

  private static final String FHIR_JSON = "application/fhir+json";

  private final HttpCall call;

  public FhirPushSender(ChannelDefinition channel, HttpClient http, Clock clock) {
    this.call = new HttpCall(channel, http, clock, "/$process-message");
  }

  @Override
  public void process(Exchange exchange) {
    send(exchange.getIn().getBody(OutboundPayload.class));
  }

  public void send(OutboundPayload payload) {
    HttpResponse<String> response = call.post(payload.content(), Map.of("Content-Type", FHIR_JSON, "Accept", FHIR_JSON));
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    throw call.failure(response, status == 422 ? "the message breaks its profiles; not retried" : "");
  }
}
