package org.caseway.adapters.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.caseway.adapters.ChannelDefinition;
import org.caseway.adapters.Direction;
import org.caseway.adapters.support.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Northshire Homes' TenancyAlertService (housing-soap.md) as WireMock stubs. */
@Tag("integration")
class SoapCallSenderIT {

  @RegisterExtension
  static WireMockExtension housing = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String PATH = "/TenancyAlertService";
  private static final String ACTION = "urn:northshirehomes:tenancy:v1/RaiseAlert";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final OutboundPayload ALERT = new OutboundPayload(
      Fixtures.mappingFixtureText("housing-tenancy-alert", "incident-two-tenants", "expected/1.xml"), "text/xml", "T104233");

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"ACCEPTED", "DUPLICATE"})
  void anAcceptedOrDuplicateAlertIsDelivered(String status) {
    housing.stubFor(post(PATH).willReturn(answer(200, response(status))));

    sender(Map.of()).send(ALERT);

    housing.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalTo(ALERT.content())));
  }

  @Test
  void theCallCarriesTheQuotedSoapActionTheContentTypeAndBasicAuth() {
    housing.stubFor(post(PATH).withBasicAuth("caseway", "s3cret:with-colon").willReturn(answer(200, response("ACCEPTED"))));

    sender(Map.of("password", "s3cret:with-colon")).send(ALERT);

    housing.verify(1, postRequestedFor(urlEqualTo(PATH))
        .withHeader("SOAPAction", equalTo("\"" + ACTION + "\""))
        .withHeader("Content-Type", equalToIgnoreCase("text/xml; charset=utf-8")));
  }

  @Test
  void aSoapActionWrittenWithItsQuotesIsNotQuotedTwice() {
    housing.stubFor(post(PATH).willReturn(answer(200, response("ACCEPTED"))));

    sender(Map.of("soap-action", "\"" + ACTION + "\"")).send(ALERT);

    housing.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("SOAPAction", equalTo("\"" + ACTION + "\"")));
  }

  @Test
  void aClientFaultIsPermanentAndNamesItsCode() {
    housing.stubFor(post(PATH).willReturn(answer(500, fault("soapenv:Client", "Tenancy T104233 is not ours",
        "<detail><ten:Code>UNKNOWN_TENANCY</ten:Code></detail>"))));

    DeliveryFailure failure = failure(sender(Map.of()));

    assertThat(failure.isTransient()).isFalse();
    assertThat(failure.getMessage()).contains("Client").contains("UNKNOWN_TENANCY").contains("Tenancy T104233 is not ours");
  }

  @Test
  void aServerFaultIsTransient() {
    housing.stubFor(post(PATH).willReturn(answer(500, fault("soapenv:Server", "Database unavailable", ""))
        .withHeader("Retry-After", "60")));

    DeliveryFailure failure = failure(sender(Map.of()));

    assertThat(failure.isTransient()).isTrue();
    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(60));
    assertThat(failure.getMessage()).contains("Server").contains("Database unavailable");
  }

  /** SOAP 1.1 (4.4.1): a dot makes a faultcode more specific; {@code Server.Busy} is still the server's fault. */
  @Test
  void aMoreSpecificServerFaultIsTransientToo() {
    housing.stubFor(post(PATH).willReturn(answer(500, fault("soapenv:Server.Busy", "Try later", ""))));

    assertThat(failure(sender(Map.of())).isTransient()).isTrue();
  }

  @Test
  void maintenanceIsTransient() {
    housing.stubFor(post(PATH).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3600")
        .withHeader("Content-Type", "text/html").withBody("<html>Down for maintenance</html>")));

    DeliveryFailure failure = failure(sender(Map.of()));

    assertThat(failure.isTransient()).isTrue();
    assertThat(failure.retryAfter()).contains(Duration.ofHours(1));
  }

  @Test
  void refusedCredentialsArePermanent() {
    housing.stubFor(post(PATH).willReturn(aResponse().withStatus(401)));

    DeliveryFailure failure = failure(sender(Map.of()));

    assertThat(failure.isTransient()).isFalse();
    assertThat(failure.getMessage()).contains("401").contains("username/password");
  }

  @Test
  void aSuccessWithoutAnAcceptedStatusIsPermanent() {
    housing.stubFor(post(PATH).willReturn(answer(200, response("REJECTED"))));

    DeliveryFailure failure = failure(sender(Map.of()));

    assertThat(failure.isTransient()).isFalse();
    assertThat(failure.getMessage()).contains("REJECTED");
  }

  /**
   * An answer whose DTD declares an external entity: were it expanded, the Status would read the
   * file's ACCEPTED and the call would count as delivered.
   */
  @Test
  void anAnswerWithAnExternalEntityIsNotExpanded() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "ACCEPTED");
    String hostile = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
        + envelope("<ten:RaiseAlertResponse><ten:Status>&xxe;</ten:Status></ten:RaiseAlertResponse>");
    housing.stubFor(post(PATH).willReturn(answer(200, hostile)));

    DeliveryFailure failure = failure(sender(Map.of()));

    assertThat(failure.isTransient()).isFalse();
    assertThat(failure.getMessage()).contains("got ''");
  }

  private static SoapCallSender sender(Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>(Map.of("type", "soap-call", "url", housing.baseUrl() + PATH,
        "soap-action", ACTION, "username", "caseway", "password", "secret"));
    settings.putAll(extra);
    return new SoapCallSender(new ChannelDefinition("northshire-homes", Direction.OUT, settings), HTTP, Clock.systemUTC());
  }

  private static DeliveryFailure failure(SoapCallSender sender) {
    return catchThrowableOfType(DeliveryFailure.class, () -> sender.send(ALERT));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "text/xml; charset=utf-8").withBody(body);
  }

  static String response(String status) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + envelope("<ten:RaiseAlertResponse><ten:Status>" + status + "</ten:Status></ten:RaiseAlertResponse>");
  }

  static String fault(String code, String text, String detail) {
    return envelope("<soapenv:Fault><faultcode>" + code + "</faultcode><faultstring>" + text + "</faultstring>"
        + detail + "</soapenv:Fault>");
  }

  static String envelope(String body) {
    return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
        + " xmlns:ten=\"urn:northshirehomes:tenancy:v1\"><soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>";
  }
}
