package org.caseway.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.caseway.conformance.ImplementationGuide;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.boot.json.JsonParserFactory;

/** A partner's view of a running gateway: plain HTTP, as a partner's system would call it. */
public final class GatewayClient {

  public static final String FHIR_JSON = "application/fhir+json";

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;

  public GatewayClient(int port) {
    this.base = URI.create("http://localhost:" + port);
  }

  /** A token from the local issuer for a Northshire partner, with its committed local-only secret. */
  public String token(String partnerId) {
    HttpResponse<String> response = requestToken(partnerId, "local-only-" + partnerId + "-secret");
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Token request failed: " + response.statusCode());
    }
    Map<String, Object> body = JsonParserFactory.getJsonParser().parseMap(response.body());
    return (String) body.get("access_token");
  }

  public HttpResponse<String> requestToken(String clientId, String secret) {
    String basic =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(base.resolve("/oauth2/token"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString("grant_type=client_credentials")));
  }

  public HttpResponse<String> processMessage(String token, String body) {
    return processMessage(token, body, FHIR_JSON);
  }

  public HttpResponse<String> processMessage(String token, String body, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/fhir/$process-message"))
            .header("Content-Type", contentType)
            .POST(BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  /** A POST with a JSON body (the admin API). */
  public HttpResponse<String> postJson(String path, String token, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  public HttpResponse<String> get(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  /** Parses a FHIR JSON response body. */
  /** Parses FHIR JSON text. */
  public static <T extends IBaseResource> T parse(String json, Class<T> type) {
    return ImplementationGuide.load().fhirContext().newJsonParser().parseResource(type, json);
  }

  public static <T extends IBaseResource> T parse(HttpResponse<String> response, Class<T> type) {
    return ImplementationGuide.load().fhirContext().newJsonParser().parseResource(type, response.body());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
