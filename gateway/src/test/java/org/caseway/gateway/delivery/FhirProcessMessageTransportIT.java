package org.caseway.gateway.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.policy.Disclosure;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The push to the trust's FHIR server, against a WireMock stand-in: what is success, what is retried. */
class FhirProcessMessageTransportIT {

  private static final String PATH = "/fhir/$process-message";
  private final WireMockServer trust = new WireMockServer(options().dynamicPort());
  private FhirProcessMessageTransport transport;

  @BeforeEach
  void start() {
    trust.start();
    transport = new FhirProcessMessageTransport(new ViewSerializer(ImplementationGuide.load().fhirContext()),
        Map.of("northshire-mh-trust", trust.baseUrl() + "/fhir/"), Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    trust.stop();
  }

  @Test
  void postsTheViewAsFhirJsonToProcessMessage() {
    trust.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)));

    transport.deliver(disclosure(), target());

    trust.verify(postRequestedFor(urlEqualTo(PATH))
        .withHeader("Content-Type", equalTo("application/fhir+json"))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("\"id\":\"d-42\"")));
  }

  @ParameterizedTest
  @CsvSource({"422,false", "400,false", "403,false", "429,true", "500,true", "503,true"})
  void tellsTransientFromPermanentFailures(int status, boolean transientFailure) {
    trust.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/fhir+json").withBody("{\"resourceType\":\"OperationOutcome\"}")));

    assertThatThrownBy(() -> transport.deliver(disclosure(), target()))
        .isInstanceOfSatisfying(DeliveryException.class, e -> {
          assertThat(e.isTransient()).isEqualTo(transientFailure);
          assertThat(e.getMessage()).contains(String.valueOf(status));
        });
  }

  @Test
  void aRefusedConnectionIsTransient() {
    trust.stop();

    assertThatThrownBy(() -> transport.deliver(disclosure(), target()))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isTransient()).isTrue());
  }

  @Test
  void withoutABaseUrlItIsPermanentAndSaysWhatToSet() {
    assertThatThrownBy(() -> transport.deliver(disclosure(),
            new DeliveryTarget("another-trust", Map.of("type", "fhir-process-message"), "k", "referral")))
        .isInstanceOfSatisfying(DeliveryException.class, e -> {
          assertThat(e.isTransient()).isFalse();
          assertThat(e.getMessage()).contains("caseway.delivery.fhir-base-urls.another-trust");
        });
  }

  private static DeliveryTarget target() {
    return new DeliveryTarget("northshire-mh-trust", Map.of("type", "fhir-process-message"),
        "https://fhir.nhs.uk/Id/nhs-number|9434765919", "referral");
  }

  private static Disclosure disclosure() {
    Bundle view = new Bundle();
    view.setId("d-42");
    view.setType(Bundle.BundleType.MESSAGE);
    return new Disclosure("ISA-SAFEGUARDING", 1, "SAFEGUARDING", view, Set.of(), List.of(), List.of());
  }
}
