package org.caseway.gateway.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.caseway.gateway.policy.Disclosure;

/**
 * Pushes a disclosure to the recipient's FHIR server: {@code POST {base}/$process-message} with
 * {@code application/fhir+json} (mh-trust-fhir.md). A 2xx answer (a response message) is success;
 * 422 (the bundle broke the recipient's profiles) and every other 4xx but 429 are permanent; 5xx,
 * 429, timeouts and refused connections are transient.
 *
 * <p>Channel settings: {@code url} (the FHIR base), unless {@code caseway.delivery.fhir-base-urls}
 * names one for the partner.
 */
public class FhirProcessMessageTransport implements DeliveryTransport {

  public static final String TYPE = "fhir-process-message";
  private static final String FHIR_JSON = "application/fhir+json";

  private final HttpClient http;
  private final ViewSerializer serializer;
  private final Map<String, String> baseUrlOverrides;
  private final Duration timeout;

  public FhirProcessMessageTransport(
      ViewSerializer serializer, Map<String, String> baseUrlOverrides, Duration timeout) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.serializer = serializer;
    this.baseUrlOverrides = Map.copyOf(baseUrlOverrides);
    this.timeout = timeout;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public void deliver(Disclosure disclosure, DeliveryTarget target) {
    URI endpoint = endpoint(target);
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", FHIR_JSON)
            .header("Accept", FHIR_JSON)
            .POST(HttpRequest.BodyPublishers.ofString(serializer.json(disclosure.view())))
            .build();
    // TODO(issue 6): authenticate to the partner's server (OAuth client credentials / mTLS).
    HttpResponse<String> response = send(request, target);
    classify(response.statusCode(), target);
  }

  private URI endpoint(DeliveryTarget target) {
    String base = baseUrlOverrides.getOrDefault(target.recipientId(), target.channel().get("url"));
    if (base == null || base.isBlank()) {
      throw new DeliveryException(false, "Partner " + target.recipientId()
          + " has no FHIR base URL: set its out channel 'url' in the partners file or"
          + " caseway.delivery.fhir-base-urls." + target.recipientId());
    }
    return URI.create(base.replaceAll("/+$", "") + "/$process-message");
  }

  private HttpResponse<String> send(HttpRequest request, DeliveryTarget target) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DeliveryException(true, "Could not reach " + target.recipientId() + "'s FHIR server: "
          + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException(true, "Interrupted while calling " + target.recipientId(), e);
    }
  }

  private static void classify(int status, DeliveryTarget target) {
    if (status >= 200 && status < 300) {
      return;
    }
    boolean transientFailure = status >= 500 || status == 429;
    throw new DeliveryException(transientFailure, target.recipientId() + "'s FHIR server answered "
        + status + (status == 422 ? " (the message breaks its profiles; not retried)" : ""));
  }
}
