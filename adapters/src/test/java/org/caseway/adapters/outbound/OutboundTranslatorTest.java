package org.caseway.adapters.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.caseway.adapters.ChannelDefinition;
import org.caseway.adapters.Direction;
import org.caseway.adapters.support.Fixtures;
import org.caseway.mappings.Mappings;
import org.junit.jupiter.api.Test;

/** Translate out, with the mappings' own fixtures as the views and their expected outputs. */
class OutboundTranslatorTest {

  private static final Mappings MAPPINGS = Mappings.onClasspath();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void withoutAMappingTheCanonicalMessageIsTheOnePayload() {
    OutboundMessage message = message("probation-disclosure-1", "{\"resourceType\":\"Bundle\"}", Map.of());

    List<OutboundPayload> payloads = translator(channel("kafka", Map.of()), null).translate(message);

    assertThat(payloads).containsExactly(
        new OutboundPayload("{\"resourceType\":\"Bundle\"}", "application/fhir+json", "probation-disclosure-1"));
  }

  @Test
  void theCouncilGetsOneNotificationPerPerson() {
    String view = view("council-notification", "incident-view-two-people");

    List<OutboundPayload> payloads = translator(channel("rest-push", Map.of()), "council-notification")
        .translate(message(bundleId(view), view, Map.of()));

    assertThat(payloads).extracting(OutboundPayload::mediaType).containsOnly("application/json");
    assertThat(payloads).extracting(payload -> json(payload.content())).containsExactly(
        json(expected("council-notification", "incident-view-two-people", "1.json")),
        json(expected("council-notification", "incident-view-two-people", "2.json")));
  }

  /** The notificationIds are made of the disclosure id, not the view's Bundle.id. */
  @Test
  void theDisclosureIdReachesTheMapping() {
    String view = view("council-notification", "incident-view-linked-party");

    List<OutboundPayload> payloads = translator(channel("rest-push", Map.of()), "council-notification")
        .translate(message("0b6c1f7e-4f3a-5d8e-9c2b-7a1e5d3f9b40", view, Map.of()));

    assertThat(payloads).extracting(payload -> json(payload.content())).containsExactly(
        json(expected("council-notification", "incident-view-linked-party", "1.json")),
        json(expected("council-notification", "incident-view-linked-party", "2.json")));
  }

  @Test
  void theMessagesParametersReachTheMapping() {
    String view = view("housing-tenancy-alert", "incident-first-risk-to-staff");

    List<OutboundPayload> payloads = translator(channel("soap-call", Map.of()), "housing-tenancy-alert")
        .translate(message(bundleId(view), view, Map.of("risk-to-staff", "T104233")));

    assertThat(payloads).extracting(payload -> payload.content().strip()).containsExactly(
        expected("housing-tenancy-alert", "incident-first-risk-to-staff", "1.xml").strip(),
        expected("housing-tenancy-alert", "incident-first-risk-to-staff", "2.xml").strip());
  }

  @Test
  void theChannelsParamSettingsReachTheMappingAndTheMessagesWinOverThem() {
    String view = view("housing-tenancy-alert", "incident-first-risk-to-staff");
    OutboundTranslator translator = translator(channel("soap-call", Map.of("param.risk-to-staff", "T104233")),
        "housing-tenancy-alert");

    assertThat(translator.translate(message(bundleId(view), view, Map.of())).get(0).content())
        .contains("<ten:AlertType>RISK_TO_STAFF</ten:AlertType>");
    assertThat(translator.translate(message(bundleId(view), view, Map.of("risk-to-staff", ""))).get(0).content())
        .contains("<ten:AlertType>ASB_INCIDENT</ten:AlertType>");
  }

  @Test
  void aViewTheMappingCannotExpressIsAPermanentFailure() {
    String view = view("housing-tenancy-alert", "case-updated-has-no-alert-type");

    DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class,
        () -> translator(channel("soap-call", Map.of()), "housing-tenancy-alert").translate(message("d-7", view, Map.of())));

    assertThat(failure.isTransient()).isFalse();
    assertThat(failure.getMessage()).contains("Disclosure d-7").contains("northshire-homes")
        .contains("housing-tenancy-alert").contains("no alert type for the event 'case-updated'");
  }

  @Test
  void anInputTheMappingRefusesWholeIsAPermanentFailure() {
    DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class,
        () -> translator(channel("rest-push", Map.of()), "council-notification").translate(message("d-8", "not json", Map.of())));

    assertThat(failure.isTransient()).isFalse();
    assertThat(failure.getMessage()).contains("Disclosure d-8").contains("council-notification");
  }

  @Test
  void asAProcessorItKeepsTheMessageAndMakesThePayloadsTheBody() {
    OutboundMessage message = message("d-9", "{\"resourceType\":\"Bundle\"}", Map.of());
    Exchange exchange = new DefaultExchange(new DefaultCamelContext());
    exchange.getIn().setBody(message);

    translator(channel("fhir-process-message", Map.of()), null).process(exchange);

    assertThat(exchange.getProperty(OutboundTranslator.MESSAGE_PROPERTY)).isSameAs(message);
    assertThat(exchange.getIn().getBody(List.class)).hasSize(1);
  }

  // --- helpers

  private static OutboundTranslator translator(ChannelDefinition channel, String mapping) {
    return new OutboundTranslator(channel, Optional.ofNullable(mapping).map(MAPPINGS::mapper));
  }

  private static ChannelDefinition channel(String type, Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>(Map.of("type", type, "url", "http://unused"));
    settings.putAll(extra);
    String partner = type.equals("soap-call") ? "northshire-homes" : "northshire-council";
    return new ChannelDefinition(partner, Direction.OUT, settings);
  }

  static OutboundMessage message(String disclosureId, String view, Map<String, String> parameters) {
    return new OutboundMessage(disclosureId, "northshire-council", "incident-reported", "ASB-CASE-MANAGEMENT",
        "ISA-ASB|1", "subject-1", view, parameters);
  }

  static String view(String mapping, String scenario) {
    return Fixtures.mappingFixtureText(mapping, scenario, "view.json");
  }

  static String expected(String mapping, String scenario, String file) {
    return Fixtures.mappingFixtureText(mapping, scenario, "expected/" + file);
  }

  static String bundleId(String view) {
    return json(view).path("id").asText();
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
