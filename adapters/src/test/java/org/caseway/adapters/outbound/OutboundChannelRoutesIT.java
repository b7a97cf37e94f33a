package org.caseway.adapters.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.caseway.adapters.outbound.OutboundTranslatorTest.bundleId;
import static org.caseway.adapters.outbound.OutboundTranslatorTest.expected;
import static org.caseway.adapters.outbound.OutboundTranslatorTest.json;
import static org.caseway.adapters.outbound.OutboundTranslatorTest.message;
import static org.caseway.adapters.outbound.OutboundTranslatorTest.view;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.caseway.adapters.AdapterServices;
import org.caseway.adapters.ChannelDefinition;
import org.caseway.adapters.Direction;
import org.caseway.adapters.EndpointUris;
import org.caseway.adapters.PartnerChannelRoutes;
import org.caseway.adapters.support.FakeIntake;
import org.caseway.adapters.support.Fixtures;
import org.caseway.adapters.support.InMemoryFeedStateStore;
import org.caseway.mappings.Mappings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The outbound templates as dispatch uses them: an {@link OutboundMessage} sent to
 * {@link EndpointUris#outbound} is translated, split and sent; a failure comes back to the caller
 * as the sender's {@link DeliveryFailure}, transient or not, as ChannelDeliveryTransport reads it.
 */
@Tag("integration")
class OutboundChannelRoutesIT {

  @RegisterExtension
  static WireMockExtension partners = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String NOTIFICATIONS = "/api/v2/partner-notifications";
  private static final String ALERTS = "/TenancyAlertService";
  private static final String COUNCIL = "northshire-council";
  private static final String HOMES = "northshire-homes";
  private static final String TRUST = "northshire-mh-trust";

  private static DefaultCamelContext camel;
  private static ProducerTemplate producer;

  @BeforeAll
  static void startRoutes() throws Exception {
    String base = partners.baseUrl();
    List<ChannelDefinition> channels = List.of(
        new ChannelDefinition(COUNCIL, Direction.OUT, Map.of("type", "rest-push", "url", base + NOTIFICATIONS,
            "api-key", "council-key", "mapping", "council-notification")),
        new ChannelDefinition(HOMES, Direction.OUT, Map.of("type", "soap-call", "url", base + ALERTS,
            "soap-action", "urn:northshirehomes:tenancy:v1/RaiseAlert", "mapping", "housing-tenancy-alert")),
        new ChannelDefinition(TRUST, Direction.OUT, Map.of("type", "fhir-process-message", "url", base + "/fhir")));
    AdapterServices services = new AdapterServices(Mappings.onClasspath(), new FakeIntake(), Map.of(),
        new InMemoryFeedStateStore(), partner -> true, HttpClient.newHttpClient(), Clock.systemUTC(),
        "localhost:9092", Map.of());
    PartnerChannelRoutes routes = new PartnerChannelRoutes(channels, services);
    camel = new DefaultCamelContext();
    camel.addRoutes(routes);
    camel.addTemplatedRoutes(routes);
    camel.start();
    producer = camel.createProducerTemplate();
  }

  @AfterAll
  static void stopRoutes() {
    camel.stop();
  }

  @Test
  void theCouncilReceivesEachNotificationOfTheView() {
    partners.stubFor(post(NOTIFICATIONS).willReturn(aResponse().withStatus(201)));
    String view = view("council-notification", "incident-view-two-people");

    producer.requestBody(EndpointUris.outbound(COUNCIL), message(bundleId(view), view, Map.of()));

    List<LoggedRequest> received = partners.findAll(postRequestedFor(urlEqualTo(NOTIFICATIONS))
        .withHeader("X-Api-Key", equalTo("council-key")));
    assertThat(received).extracting(request -> json(request.getBodyAsString())).containsExactly(
        json(expected("council-notification", "incident-view-two-people", "1.json")),
        json(expected("council-notification", "incident-view-two-people", "2.json")));
  }

  @Test
  void aTransientFailureReachesTheCallerAsTransientWithItsRetryAfter() {
    partners.stubFor(post(NOTIFICATIONS).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "60")));
    String view = view("council-notification", "incident-view-two-people");

    DeliveryFailure failure = deliver(COUNCIL, message(bundleId(view), view, Map.of()));

    assertThat(failure.isTransient()).isTrue();
    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(60));
    assertThat(failure.getMessage()).contains("503");
  }

  @Test
  void aPermanentFailureReachesTheCallerAsPermanent() {
    partners.stubFor(post(NOTIFICATIONS).willReturn(aResponse().withStatus(400).withBody("{\"errors\":[\"kind\"]}")));
    String view = view("council-notification", "incident-view-two-people");

    DeliveryFailure failure = deliver(COUNCIL, message(bundleId(view), view, Map.of()));

    assertThat(failure.isTransient()).isFalse();
    assertThat(failure.getMessage()).contains("400").contains("kind");
  }

  @Test
  void whenTheSecondNotificationFailsTheThirdIsNotSent() {
    String view = Fixtures.text("outbound/incident-view-three-people/view.json");
    partners.stubFor(post(NOTIFICATIONS).willReturn(aResponse().withStatus(201)));
    partners.stubFor(post(NOTIFICATIONS).withRequestBody(matchingJsonPath("$.subject[?(@.lastName == 'Nowak')]"))
        .willReturn(aResponse().withStatus(400).withBody("{\"errors\":[\"Nowak refused\"]}")));

    DeliveryFailure failure = deliver(COUNCIL, message(bundleId(view), view, Map.of()));

    assertThat(failure.isTransient()).isFalse();
    assertThat(failure.getMessage()).contains("Nowak refused");
    assertThat(partners.findAll(postRequestedFor(urlEqualTo(NOTIFICATIONS))))
        .extracting(request -> json(request.getBodyAsString()).path("subject").path("firstName").asText())
        .containsExactly("Dean", "Łukasz");
  }

  @Test
  void aViewHousingsFormatCannotExpressIsPermanentAndNothingIsSent() {
    String view = view("housing-tenancy-alert", "case-updated-has-no-alert-type");

    DeliveryFailure failure = deliver(HOMES, message("d-1", view, Map.of()));

    assertThat(failure.isTransient()).isFalse();
    assertThat(failure.getMessage()).contains("no alert type");
    partners.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void housingsClientFaultReachesTheCallerAsPermanent() {
    partners.stubFor(post(ALERTS).willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/xml")
        .withBody(SoapCallSenderIT.fault("soapenv:Client", "Unknown tenancy", "<detail><ten:Code>UNKNOWN_TENANCY</ten:Code></detail>"))));
    String view = view("housing-tenancy-alert", "incident-two-tenants");

    DeliveryFailure failure = deliver(HOMES, message(bundleId(view), view, Map.of()));

    assertThat(failure.isTransient()).isFalse();
    assertThat(failure.getMessage()).contains("UNKNOWN_TENANCY");
    partners.verify(1, postRequestedFor(urlEqualTo(ALERTS)));
  }

  @Test
  void theTrustGetsTheCanonicalMessageItself() {
    partners.stubFor(post(urlEqualTo("/fhir/$process-message")).willReturn(aResponse().withStatus(200)));
    String view = view("council-notification", "incident-view-two-people");

    assertThatCode(() -> producer.requestBody(EndpointUris.outbound(TRUST), message(bundleId(view), view, Map.of())))
        .doesNotThrowAnyException();

    partners.verify(1, postRequestedFor(urlEqualTo("/fhir/$process-message"))
        .withHeader("Content-Type", equalTo("application/fhir+json")).withRequestBody(equalToJson(view)));
  }

  /** As ChannelDeliveryTransport reads a failed delivery. */
  private static DeliveryFailure deliver(String partner, OutboundMessage message) {
    try {
      producer.requestBody(EndpointUris.outbound(partner), message);
    } catch (CamelExecutionException e) {
      return DeliveryFailure.classify(e.getCause() == null ? e : e.getCause());
    }
    throw new AssertionError("the delivery to " + partner + " did not fail");
  }
}
