package org.caseway.conformance.kit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A tester's own suite from a folder ({@code --suites-dir}): create, read and search on a FHIR REST
 * server (WireMock), with setup, variables from a response, a warningOnly assert and a teardown;
 * and a suite whose setup cannot run.
 */
class CustomSuiteIT {

  private static final String PATIENT = """
      {"resourceType": "Patient", "id": "123", "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765919"}]}""";
  private static final String SEARCHSET = """
      {"resourceType": "Bundle", "type": "searchset", "total": 1, "entry": [{"resource": %s}]}""".formatted(PATIENT);

  private WireMockServer server;
  private final ConformanceKit kit = new ConformanceKit();

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("localhost"));
    server.start();
    server.stubFor(post(urlEqualTo("/fhir/Patient")).willReturn(fhir(201, PATIENT)));
    server.stubFor(get(urlEqualTo("/fhir/Patient/123")).willReturn(fhir(200, PATIENT)));
    server.stubFor(get(urlEqualTo("/fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C9434765919")).willReturn(fhir(200, SEARCHSET)));
    server.stubFor(delete(urlEqualTo("/fhir/Patient/123")).willReturn(aResponse().withStatus(204)));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void aSuiteFromAFolderCreatesReadsAndSearches() throws Exception {
    SuiteResult result = kit.run("rest", base(), KitOptions.defaults().withSuitesDir(suites()).withToken("t0k"));

    assertThat(result.tests()).as(Describe.of(result)).allSatisfy(test -> assertThat(test.outcome()).isEqualTo(Outcome.PASS));
    assertThat(result.levelReached()).contains(Level.FULL);
    assertThat(result.tests().get(0).steps()).anySatisfy(step -> {
      assertThat(step.outcome()).isEqualTo(Outcome.WARNING);
      assertThat(step.message()).isEqualTo("It has a birth date (advice only): found nothing where a value was expected (Patient.birthDate)");
    });
    server.verify(postRequestedFor(urlEqualTo("/fhir/Patient")).withHeader("Authorization", equalTo("Bearer t0k"))
        .withHeader("Content-Type", equalTo("application/fhir+json")));
    server.verify(getRequestedFor(urlEqualTo("/fhir/Patient/123")).withHeader("Authorization", equalTo("Bearer t0k")));
    server.verify(getRequestedFor(urlEqualTo("/fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C9434765919"))
        .withHeader("Authorization", absent()));
    server.verify(deleteRequestedFor(urlEqualTo("/fhir/Patient/123")));
    assertThat(result.tests().get(0).steps().stream().flatMap(step -> step.exchange().stream()))
        .as("the token is sent, never recorded").singleElement()
        .satisfies(exchange -> assertThat(exchange.requestHeaders()).containsEntry("Authorization", "Bearer (redacted)"));
  }

  @Test
  void withoutATokenTheAuthorizationHeaderIsNotSent() throws Exception {
    kit.run("rest", base(), KitOptions.defaults().withSuitesDir(suites()));

    server.verify(postRequestedFor(urlEqualTo("/fhir/Patient")).withHeader("Authorization", absent()));
  }

  @Test
  void aSetupThatCannotRunErrsEveryTestOfItsScript() throws Exception {
    SuiteResult result = kit.run("broken-setup", base(), KitOptions.defaults().withSuitesDir(suites()));

    assertThat(result.tests()).singleElement().satisfies(test -> {
      assertThat(test.outcome()).isEqualTo(Outcome.ERROR);
      assertThat(test.reason()).hasValueSatisfying(reason -> assertThat(reason)
          .startsWith("The script's setup failed: create patient: cannot be sent: Fixture 'patient': no file no-such-file.json in suite"));
    });
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  private String base() {
    return "http://localhost:" + server.port() + "/fhir";
  }

  private static Path suites() throws URISyntaxException, IOException {
    return Path.of(CustomSuiteIT.class.getClassLoader().getResource("custom-suites").toURI());
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder fhir(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/fhir+json").withBody(body);
  }
}
