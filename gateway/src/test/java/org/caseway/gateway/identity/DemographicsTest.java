package org.caseway.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemographicsTest {

  @Test
  void normalisesCaseAccentsPunctuationAndSpacing() {
    assertThat(Demographics.normaliseName("  Zoë  O'Brien-Smith ")).isEqualTo("zoe o brien smith");
    assertThat(Demographics.normalisePostcode(" nn7  4qt ")).isEqualTo("NN74QT");
  }

  @Test
  void isEmptyWhenAnyFieldIsMissing() {
    assertThat(Demographics.of("Dean", "Whitfield", null, "NN7 4QT")).isEmpty();
    assertThat(Demographics.of("Dean", "Whitfield", "1994-03-17", " ")).isEmpty();
    assertThat(Demographics.of(null, null, "1994-03-17", "NN7 4QT")).isEmpty();
  }

  @Test
  void namesTheSoleDifferingFieldOnly() {
    Demographics dean = Demographics.of("Dean", "Whitfield", "1994-03-17", "NN7 4QT").orElseThrow();

    assertThat(dean.soleDifference(Demographics.of("Dean", "Whitfeld", "1994-03-17", "NN74QT").orElseThrow()))
        .isEqualTo("name");
    assertThat(dean.soleDifference(Demographics.of("Dean", "Whitfield", "1994-03-18", "NN74QT").orElseThrow()))
        .isEqualTo("birth-date");
    assertThat(dean.soleDifference(Demographics.of("dean", "WHITFIELD", "1994-03-17", "nn7 4qt").orElseThrow()))
        .isNull();
    assertThat(dean.soleDifference(Demographics.of("Dan", "Whitfield", "1994-03-18", "NN74QT").orElseThrow()))
        .isNull();
  }
}
