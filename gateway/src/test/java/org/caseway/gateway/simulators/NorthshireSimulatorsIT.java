package org.caseway.gateway.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.gateway.kafka.EmbeddedKafkaBroker;
import org.caseway.gateway.support.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulators as the gateway starts them, on its clock: housing keeps the real service's nightly
 * maintenance unless {@code caseway.simulators.housing-nightly-maintenance} turns it off (the
 * tests do, so that a build run at 01:30 does not wait for housing's alerts in vain).
 */
class NorthshireSimulatorsIT {

  /** 01:30 UK time in winter (GMT): inside housing's window. */
  private static final Clock HALF_PAST_ONE = Clock.fixed(Instant.parse("2026-11-04T01:30:00Z"), ZoneOffset.UTC);

  @TempDir Path dataDir;

  @Test
  void housingIsDownFromOneToTwoOnTheGatewaysClockUnlessToldToAnswerAtAnyHour() throws Exception {
    CasewayValidator validator = new CasewayValidator(ImplementationGuide.load());
    try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start("localhost", FreePorts.next(), FreePorts.next(),
            dataDir.resolve("kafka"));
        NorthshireSimulators asTheRealService = start(true, validator, kafka);
        NorthshireSimulators atAnyHour = start(false, validator, kafka)) {

      assertThat(post(asTheRealService)).as("in maintenance, before anything else").isEqualTo(503);
      assertThat(post(atAnyHour)).as("up: it asks for credentials").isEqualTo(401);
    }
  }

  private static NorthshireSimulators start(boolean nightlyMaintenance, CasewayValidator validator,
      EmbeddedKafkaBroker kafka) {
    SimulatorProperties properties = new SimulatorProperties(true, FreePorts.next(), FreePorts.next(), FreePorts.next(),
        Duration.ZERO, nightlyMaintenance, false);
    return NorthshireSimulators.start(properties, "council-key", "housing", "housing-password", validator,
        kafka.bootstrapServers(), HALF_PAST_ONE);
  }

  /** A SOAP call without credentials. */
  private static int post(NorthshireSimulators simulators) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(simulators.housing().baseUrl() + "/TenancyAlertService"))
        .header("Content-Type", "text/xml; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString("<x/>")).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
