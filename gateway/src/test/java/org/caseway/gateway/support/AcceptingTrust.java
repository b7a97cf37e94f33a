package org.caseway.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * A stand-in for the mental health trust's FHIR server that accepts every {@code $process-message}
 * with 200 and a response message, on a free port; a test may stub other answers over it, and
 * reads what was posted from the server. Point the gateway at it with {@link #fhirBase}.
 */
public final class AcceptingTrust {

  /** Where the gateway posts the trust's messages. */
  public static final String PATH = "/fhir/$process-message";

  private AcceptingTrust() {}

  /** A started server; the caller stops it. */
  public static WireMockServer start() {
    WireMockServer trust = new WireMockServer(options().dynamicPort());
    trust.start();
    trust.stubFor(post(urlEqualTo(PATH))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/fhir+json")
            .withBody("{\"resourceType\":\"Bundle\",\"type\":\"message\"}")));
    return trust;
  }

  /** The value of {@code caseway.northshire.mh-trust-fhir-base} that reaches {@code trust}. */
  public static String fhirBase(WireMockServer trust) {
    return trust.baseUrl() + "/fhir";
  }
}
