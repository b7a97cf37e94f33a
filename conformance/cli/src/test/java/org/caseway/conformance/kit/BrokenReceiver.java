package org.caseway.conformance.kit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * A deliberately broken receiver, as a careless partner might build one: a WireMock server whose
 * {@code $process-message} answers every request with {@code 200} and an OperationOutcome saying
 * "Received." instead of a response message, and answers incident-reported messages only after a
 * delay. So it accepts invalid and non-JSON content, answers without a response message, takes a
 * repeat as if it were new, and is slower than the agreed time.
 */
final class BrokenReceiver implements AutoCloseable {

  static final String ANSWER = """
      {"resourceType": "OperationOutcome", "issue": [{"severity": "information", "code": "informational", "diagnostics": "Received."}]}""";

  private final WireMockServer server;

  private BrokenReceiver(WireMockServer server) {
    this.server = server;
  }

  /** @param delayMillis how long the answer to an incident-reported message waits */
  static BrokenReceiver start(int delayMillis) {
    WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("localhost"));
    server.start();
    server.stubFor(any(urlPathEqualTo("/fhir/$process-message")).atPriority(2).willReturn(received()));
    server.stubFor(any(urlPathEqualTo("/fhir/$process-message")).atPriority(1)
        .withRequestBody(containing("\"incident-reported\"")).willReturn(received().withFixedDelay(delayMillis)));
    return new BrokenReceiver(server);
  }

  private static ResponseDefinitionBuilder received() {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/fhir+json").withBody(ANSWER);
  }

  String fhirBase() {
    return "http://localhost:" + server.port() + "/fhir";
  }

  /** How many requests it has received. */
  int requests() {
    return server.getAllServeEvents().size();
  }

  @Override
  public void close() {
    server.stop();
  }
}
