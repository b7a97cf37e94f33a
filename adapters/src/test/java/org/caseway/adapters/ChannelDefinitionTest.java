package org.caseway.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelDefinitionTest {

  private static ChannelDefinition channel(Map<String, String> settings) {
    return new ChannelDefinition("northshire-council", Direction.IN, settings);
  }

  @Test
  void aCountOrSizeBelowOneIsRefusedWhereItIsWritten() {
    ChannelDefinition zeroPages = channel(Map.of("type", "rest-change-feed", "max-pages-per-poll", "0"));

    assertThatThrownBy(() -> zeroPages.positiveInteger("max-pages-per-poll", 20))
        .isInstanceOf(ChannelConfigurationException.class)
        .hasMessageContaining("'max-pages-per-poll' must be at least 1, not 0");
    assertThat(channel(Map.of("type", "file-drop")).positiveLong("max-file-size", 7)).isEqualTo(7);
  }

  @Test
  void aRequiredSettingIsReturnedStripped() {
    assertThat(channel(Map.of("type", "rest-change-feed", "url", "  http://council/changes ")).required("url"))
        .isEqualTo("http://council/changes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void aBlankRequiredSettingNamesPartnerChannelSettingAndThePartnersFile(String blank) {
    assertThatThrownBy(() -> channel(Map.of("type", "rest-change-feed", "url", blank)).required("url"))
        .isInstanceOf(ChannelConfigurationException.class)
        .hasMessage("Partner northshire-council, channel 'in': setting 'url' is required for a rest-change-feed"
            + " channel (fix it in the partners file).");
  }

  @Test
  void aMissingRequiredSettingIsRefusedEvenWithoutAType() {
    ChannelDefinition untyped = new ChannelDefinition("northshire-homes", Direction.OUT, Map.of());
    assertThatThrownBy(untyped::type)
        .isInstanceOf(ChannelConfigurationException.class)
        .hasMessage("Partner northshire-homes, channel 'out': setting 'type' is required for a ? channel"
            + " (fix it in the partners file).");
  }

  @Test
  void optionalSettingsAreEmptyWhenAbsentOrBlankAndStrippedOtherwise() {
    ChannelDefinition channel = channel(Map.of("type", "file-drop", "blank", " ", "set", " x "));
    assertThat(channel.optional("absent")).isEmpty();
    assertThat(channel.optional("blank")).isEmpty();
    assertThat(channel.optional("set")).contains("x");
    assertThat(channel.optional("blank", "fallback")).isEqualTo("fallback");
    assertThat(channel.optional("set", "fallback")).isEqualTo("x");
  }

  @Test
  void theRouteIdIsPartnerDirectionAndType() {
    assertThat(channel(Map.of("type", "file-drop")).routeId()).isEqualTo("northshire-council-in-file-drop");
    assertThat(new ChannelDefinition("northshire-homes", Direction.OUT, Map.of("type", "soap-call")).routeId())
        .isEqualTo("northshire-homes-out-soap-call");
  }

  @Test
  void settingsAreCopied() {
    java.util.HashMap<String, String> settings = new java.util.HashMap<>(Map.of("type", "file-drop"));
    ChannelDefinition channel = channel(settings);
    settings.put("type", "kafka");
    assertThat(channel.type()).isEqualTo("file-drop");
  }

  @ParameterizedTest
  @CsvSource({
      "30s, PT30S",
      "500ms, PT0.5S",
      "2m, PT2M",
      "1h, PT1H",
      "' 45 s ', PT45S",
      "PT30S, PT30S",
      "pt1m, PT1M",
  })
  void durationsAreReadInEveryDocumentedForm(String written, String expected) {
    assertThat(channel(Map.of("type", "rest-change-feed", "timeout", written)).duration("timeout", Duration.ZERO))
        .isEqualTo(Duration.parse(expected));
  }

  @Test
  void anAbsentDurationIsTheFallback() {
    assertThat(channel(Map.of("type", "rest-change-feed")).duration("timeout", Duration.ofSeconds(10)))
        .isEqualTo(Duration.ofSeconds(10));
  }

  @ParameterizedTest
  @ValueSource(strings = {"30", "thirty seconds", "1.5s", "30S", "s", "ms", "P30", "10d"})
  void aMalformedDurationNamesTheSettingAndTheValue(String written) {
    assertThatThrownBy(() -> channel(Map.of("type", "rest-change-feed", "timeout", written))
        .duration("timeout", Duration.ZERO))
        .isInstanceOf(ChannelConfigurationException.class)
        .hasMessage("Partner northshire-council, channel 'in': setting 'timeout' must be a duration such as 30s,"
            + " 500ms or 2m, not '" + written + "' (fix it in the partners file).");
  }

  /**
   * None of the duration settings means anything at zero or below, and some fail only later, far
   * from the partners file: a 0s or negative {@code timeout} makes every HTTP request throw
   * IllegalArgumentException (every delivery dead-lettered as permanent), a 0 {@code tick} fires the
   * feed's timer once and never again.
   */
  @ParameterizedTest
  @ValueSource(strings = {"0s", "-5s", "-500ms", "PT-30S", "PT0S"})
  void aDurationThatIsNotPositiveIsRefusedWhereItIsWritten(String written) {
    assertThatThrownBy(() -> channel(Map.of("type", "rest-change-feed", "timeout", written))
        .duration("timeout", Duration.ofSeconds(10)))
        .isInstanceOf(ChannelConfigurationException.class)
        .hasMessageContaining("setting 'timeout' must be more than zero, not '" + written + "'")
        .hasMessageEndingWith("(fix it in the partners file).");
  }

  @Test
  void aDurationTooLargeForJavaIsAConfigurationProblemToo() {
    assertThatThrownBy(() -> channel(Map.of("type", "rest-change-feed", "timeout", "9223372036854775807h"))
        .duration("timeout", Duration.ofSeconds(10)))
        .isInstanceOf(ChannelConfigurationException.class)
        .hasMessageContaining("setting 'timeout'");
  }

  @Test
  void wholeNumbersAreReadOrFallBack() {
    ChannelDefinition channel = channel(Map.of("type", "rest-change-feed", "page-size", " 25 ",
        "max-file-size", "60000000000"));
    assertThat(channel.integer("page-size", 50)).isEqualTo(25);
    assertThat(channel.integer("max-pages-per-poll", 20)).isEqualTo(20);
    assertThat(channel.longValue("max-file-size", 1)).isEqualTo(60_000_000_000L);
    assertThat(channel.longValue("absent", 7)).isEqualTo(7);
  }

  @ParameterizedTest
  @ValueSource(strings = {"fifty", "2.5", "50kb", "99999999999"})
  void aMalformedWholeNumberNamesTheSettingAndTheValue(String written) {
    assertThatThrownBy(() -> channel(Map.of("type", "rest-change-feed", "page-size", written)).integer("page-size", 50))
        .isInstanceOf(ChannelConfigurationException.class)
        .hasMessage("Partner northshire-council, channel 'in': setting 'page-size' must be a whole number, not '"
            + written + "' (fix it in the partners file).");
  }

  @Test
  void aMalformedLongNamesTheSettingAndTheValue() {
    assertThatThrownBy(() -> channel(Map.of("type", "file-drop", "max-file-size", "50MB")).longValue("max-file-size", 1))
        .isInstanceOf(ChannelConfigurationException.class)
        .hasMessage("Partner northshire-council, channel 'in': setting 'max-file-size' must be a whole number, not"
            + " '50MB' (fix it in the partners file).");
  }
}
