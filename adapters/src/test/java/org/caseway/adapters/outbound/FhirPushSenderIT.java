package org.caseway.adapters.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.caseway.adapters.ChannelDefinition;
import org.caseway.adapters.Direction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The trust's FHIR server (mh-trust-fhir.md): {@code POST {base}/$process-message}. */
@Tag("integration")
class FhirPushSenderIT {

  @RegisterExtension
  static WireMockExtension trust = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String ENDPOINT = "/fhir/$process-message";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final OutboundPayload BUNDLE = new OutboundPayload(
      "{\"resourceType\":\"Bundle\",\"id\":\"ac4622d9-8d0b-551d-9ee4-b04abc97c796\",\"type\":\"message\"}",
      "application/fhir+json", "ac4622d9-8d0b-551d-9ee4-b04abc97c796");

  @ParameterizedTest
  @ValueSource(strings = {"/fhir", "/fhir/"})
  void theMessageIsPostedToProcessMessageOnTheBaseAsFhirJson(String base) {
    trust.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/fhir+json").withBody("{\"resourceType\":\"Bundle\"}")));

    sender(trust.baseUrl() + base).send(BUNDLE);

    trust.verify(1, postRequestedFor(urlEqualTo(ENDPOINT))
        .withHeader("Content-Type", equalTo("application/fhir+json"))
        .withHeader("Accept", equalTo("application/fhir+json"))
        .withRequestBody(equalTo(BUNDLE.content())));
  }

  @Test
  void anyOtherSuccessIsDeliveredToo() {
    trust.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(aResponse().withStatus(202)));

    sender(trust.baseUrl() + "/fhir").send(BUNDLE);
  }

  @Test
  void aBundleThatBreaksTheTrustsProfilesIsPermanent() {
    trust.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(aResponse().withStatus(422)
        .withBody("{\"resourceType\":\"OperationOutcome\"}")));

    DeliveryFailure failure = failure();

    assertThat(failure.isTransient()).isFalse();
    assertThat(failure.getMessage()).contains("422").contains("profiles");
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 500, 502, 503})
  void rateLimitsAndServerErrorsAreTransient(int status) {
    trust.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(aResponse().withStatus(status).withHeader("Retry-After", "5")));

    DeliveryFailure failure = failure();

    assertThat(failure.isTransient()).isTrue();
    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(5));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404})
  void otherClientErrorsArePermanent(int status) {
    trust.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(aResponse().withStatus(status)));

    assertThat(failure().isTransient()).isFalse();
  }

  private static FhirPushSender sender(String url) {
    return new FhirPushSender(new ChannelDefinition("northshire-mh-trust", Direction.OUT,
        Map.of("type", "fhir-process-message", "url", url)), HTTP, Clock.systemUTC());
  }

  private static DeliveryFailure failure() {
    return catchThrowableOfType(DeliveryFailure.class, () -> sender(trust.baseUrl() + "/fhir").send(BUNDLE));
  }
}
