package org.caseway.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.caseway.adapters.support.FakeIntake;
import org.caseway.adapters.support.InMemoryFeedStateStore;
import org.caseway.adapters.support.RecordingFeed;
import org.caseway.mappings.Mappings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The partners file's channels as routes: every style makes its route, and a channel that cannot
 * run is refused when the routes are added (at start), naming what to fix.
 */
class PartnerChannelRoutesTest {

  private static final AdapterServices SERVICES = new AdapterServices(Mappings.onClasspath(), new FakeIntake(),
      Map.of("identity-links", new RecordingFeed("identity-links")), new InMemoryFeedStateStore(), partner -> true,
      HttpClient.newHttpClient(), Clock.systemUTC(), "localhost:9092", Map.of());

  private final DefaultCamelContext camel = new DefaultCamelContext();

  @AfterEach
  void stop() {
    camel.stop();
  }

  @Test
  void everyStyleMakesItsRouteNamedForPartnerDirectionAndType() throws Exception {
    add(List.of(
        new ChannelDefinition("northshire-police", Direction.IN, Map.of("type", "file-drop",
            "directory", "target/never-polled", "mapping", "police-rms-csv")),
        new ChannelDefinition("northshire-council", Direction.IN, Map.of("type", "rest-change-feed",
            "url", "http://council.invalid/api/v2/cases/changes", "mapping", "council-asb-case")),
        new ChannelDefinition("northshire-council", Direction.OUT, Map.of("type", "rest-push",
            "url", "http://council.invalid/api/v2/partner-notifications", "mapping", "council-notification")),
        new ChannelDefinition("northshire-homes", Direction.OUT, Map.of("type", "soap-call",
            "url", "http://homes.invalid/TenancyAlertService", "soap-action", "urn:x", "mapping", "housing-tenancy-alert")),
        new ChannelDefinition("northshire-mh-trust", Direction.IN, Map.of("type", "fhir-process-message")),
        new ChannelDefinition("northshire-mh-trust", Direction.OUT, Map.of("type", "fhir-process-message",
            "url", "http://trust.invalid/fhir")),
        new ChannelDefinition("northshire-probation", Direction.IN, Map.of("type", "kafka", "topic", "caseway.inbound")),
        new ChannelDefinition("northshire-probation", Direction.OUT, Map.of("type", "kafka",
            "topic", "caseway.outbound.northshire-probation"))));

    assertThat(camel.getCamelContextExtension().getContextPlugin(ModelCamelContext.class).getRouteDefinitions())
        .extracting(RouteDefinition::getRouteId)
        .containsExactlyInAnyOrder("northshire-police-in-file-drop", "northshire-council-in-rest-change-feed",
            "northshire-council-out-rest-push", "northshire-homes-out-soap-call",
            "northshire-mh-trust-out-fhir-process-message", "northshire-probation-out-kafka",
            "kafka-in-caseway.inbound");
  }

  @Test
  void anUnknownInTypeNamesTheInTypes() {
    assertThat(problem(new ChannelDefinition("northshire-police", Direction.IN, Map.of("type", "sftp"))))
        .hasMessageStartingWith("Partner northshire-police, channel 'in': setting 'type' is 'sftp'; an in channel is one of")
        .hasMessageContaining("file-drop")
        .hasMessageEndingWith("(fix it in the partners file).");
  }

  @Test
  void anOutOnlyTypeIsNoInChannel() {
    assertThat(problem(new ChannelDefinition("northshire-council", Direction.IN, Map.of("type", "rest-push"))))
        .hasMessageStartingWith("Partner northshire-council, channel 'in': setting 'type' is 'rest-push'");
  }

  @Test
  void anUnknownOutTypeNamesTheOutTypes() {
    assertThat(problem(new ChannelDefinition("northshire-police", Direction.OUT, Map.of("type", "file-drop"))))
        .hasMessageStartingWith("Partner northshire-police, channel 'out': setting 'type' is 'file-drop'; an out channel is one of")
        .hasMessageContaining("soap-call");
  }

  @Test
  void anUnknownMappingIsNamed() {
    assertThat(problem(new ChannelDefinition("northshire-police", Direction.IN, Map.of("type", "file-drop",
        "directory", "target/never-polled", "mapping", "police-rms-xml"))))
        .hasMessageStartingWith("Partner northshire-police, channel 'in': setting 'mapping' cannot be used:")
        .hasMessageContaining("police-rms-xml");
  }

  @Test
  void anUnknownMappingOnAnOutChannelIsNamedToo() {
    assertThat(problem(new ChannelDefinition("northshire-council", Direction.OUT, Map.of("type", "rest-push",
        "url", "http://council.invalid", "mapping", "council-notifications"))))
        .hasMessageStartingWith("Partner northshire-council, channel 'out': setting 'mapping' cannot be used:");
  }

  @Test
  void anUnknownRecordFeedIsNamedWithTheFeedsThereAre() {
    assertThat(problem(new ChannelDefinition("northshire-homes", Direction.IN, Map.of("type", "file-drop",
        "directory", "target/never-polled", "mapping", "housing-tenancy-roll", "feeds", "tenancies"))))
        .hasMessageStartingWith("Partner northshire-homes, channel 'in': setting 'feeds' names 'tenancies', which is none of")
        .hasMessageContaining("identity-links");
  }

  @Test
  void aMissingRequiredSettingIsNamed() {
    assertThat(problem(new ChannelDefinition("northshire-homes", Direction.OUT, Map.of("type", "soap-call",
        "url", "http://homes.invalid"))))
        .hasMessageStartingWith("Partner northshire-homes, channel 'out': setting 'soap-action' is required");
  }

  private void add(List<ChannelDefinition> channels) throws Exception {
    PartnerChannelRoutes routes = new PartnerChannelRoutes(channels, SERVICES);
    camel.addRoutes(routes);
    camel.addTemplatedRoutes(routes);
  }

  private ChannelConfigurationException problem(ChannelDefinition channel) {
    Throwable thrown = catchThrowable(() -> add(List.of(channel)));
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof ChannelConfigurationException problem) {
        return problem;
      }
    }
    throw new AssertionError("expected a ChannelConfigurationException, got " + thrown, thrown);
  }
}
