package org.caseway.adapters.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.caseway.adapters.ChannelDefinition;
import org.caseway.adapters.Direction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The council's partner-notifications endpoint (council-asb-api.md, Push) as WireMock stubs. */
@Tag("integration")
class RestPushSenderIT {

  @RegisterExtension
  static WireMockExtension council = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String PATH = "/api/v2/partner-notifications";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final OutboundPayload NOTIFICATION = new OutboundPayload(
      "{\"notificationId\":\"8b6fcbb5-1b44-5bd6-b7e8-f4a441c57804\",\"kind\":\"INCIDENT\"}", "application/json",
      "8b6fcbb5-1b44-5bd6-b7e8-f4a441c57804");

  @Test
  void createdIsDeliveredAndTheNotificationIsPostedAsJsonWithTheApiKey() {
    council.stubFor(post(PATH).willReturn(aResponse().withStatus(201)));

    sender(Map.of()).send(NOTIFICATION);

    council.verify(1, postRequestedFor(urlEqualTo(PATH))
        .withHeader("Content-Type", equalTo("application/json"))
        .withHeader("X-Api-Key", equalTo("council-key"))
        .withRequestBody(equalToJson(NOTIFICATION.content())));
  }

  @Test
  void aRepeatTheCouncilIgnoresIsDelivered() {
    council.stubFor(post(PATH).willReturn(aResponse().withStatus(200)));

    assertThatCode(() -> sender(Map.of()).send(NOTIFICATION)).doesNotThrowAnyException();
  }

  @Test
  void theApiKeyHeaderCanBeRenamed() {
    council.stubFor(post(PATH).withHeader("Api-Token", equalTo("council-key")).willReturn(aResponse().withStatus(201)));

    assertThatCode(() -> sender(Map.of("api-key-header", "Api-Token")).send(NOTIFICATION)).doesNotThrowAnyException();
  }

  @Test
  void aRefusedPayloadIsPermanentAndQuotesTheCouncilsErrors() {
    council.stubFor(post(PATH).willReturn(aResponse().withStatus(400)
        .withBody("{\"errors\":[\"subject.lastName is required\"]}")));

    DeliveryFailure failure = failure(sender(Map.of()));

    assertThat(failure.isTransient()).isFalse();
    assertThat(failure.getMessage()).contains("400").contains("subject.lastName is required");
  }

  @Test
  void aRefusedApiKeyIsPermanent() {
    council.stubFor(post(PATH).willReturn(aResponse().withStatus(401)));

    DeliveryFailure failure = failure(sender(Map.of()));

    assertThat(failure.isTransient()).isFalse();
    assertThat(failure.getMessage()).contains("401").contains("api-key");
  }

  @Test
  void rateLimitAndMaintenanceAreTransientWithTheirRetryAfter() {
    council.stubFor(post(PATH).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
    DeliveryFailure limited = failure(sender(Map.of()));
    assertThat(limited.isTransient()).isTrue();
    assertThat(limited.retryAfter()).contains(Duration.ofSeconds(30));

    council.stubFor(post(PATH).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));
    DeliveryFailure maintenance = failure(sender(Map.of()));
    assertThat(maintenance.isTransient()).isTrue();
    assertThat(maintenance.retryAfter()).contains(Duration.ofSeconds(120));
  }

  @Test
  void aRefusedConnectionAndATimeoutAreTransient() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    DeliveryFailure refused = failure(new RestPushSender(channel("http://127.0.0.1:" + closedPort + PATH, Map.of()),
        HTTP, Clock.systemUTC()));
    assertThat(refused.isTransient()).isTrue();
    assertThat(refused.getMessage()).contains("Could not reach");

    council.stubFor(post(PATH).willReturn(aResponse().withStatus(201).withFixedDelay(1_000)));
    DeliveryFailure timedOut = failure(sender(Map.of("timeout", "200ms")));
    assertThat(timedOut.isTransient()).isTrue();
    assertThat(timedOut.getMessage()).contains("did not answer within");
  }

  private static RestPushSender sender(Map<String, String> extra) {
    return new RestPushSender(channel(council.baseUrl() + PATH, extra), HTTP, Clock.systemUTC());
  }

  private static ChannelDefinition channel(String url, Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>(Map.of("type", "rest-push", "url", url, "api-key", "council-key"));
    settings.putAll(extra);
    return new ChannelDefinition("northshire-council", Direction.OUT, settings);
  }

  private static DeliveryFailure failure(RestPushSender sender) {
    return catchThrowableOfType(DeliveryFailure.class, () -> sender.send(NOTIFICATION));
  }
}
