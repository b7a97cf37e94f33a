package org.caseway.northshire.simulators;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;

/**
 * Starts the WireMock server behind one HTTP simulator: one catch-all stub whose answer the
 * simulator's transformer decides, so that the behaviour is stateful and WireMock's admin API
 * ({@code /__admin/requests}) still lists every request received.
 */
final class SimulatorServers {

  private SimulatorServers() {}

  /**
   * @param port the port, or 0 for a free one
   * @throws IllegalArgumentException if the port is outside 0..65535
   */
  static WireMockServer start(int port, ResponseDefinitionTransformerV2 behaviour) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("A port is 0 (any free port) to 65535, not " + port);
    }
    WireMockServer server = new WireMockServer(options()
        .port(port)
        // The simulators hold personal data, however fictional: nothing off this machine needs them.
        .bindAddress("localhost")
        .notifier(new WireMockLog())
        .extensions(behaviour));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(behaviour.getName())));
    return server;
  }

  static String baseUrl(WireMockServer server) {
    return "http://localhost:" + server.port();
  }
}
