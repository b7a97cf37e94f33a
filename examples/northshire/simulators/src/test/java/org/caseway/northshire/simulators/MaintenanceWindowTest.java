package org.caseway.northshire.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The nightly window is 01:00 to 02:00 on the UK's clocks, through both clock changes. */
class MaintenanceWindowTest {

  private final MaintenanceWindow window = new MaintenanceWindow();

  @ParameterizedTest(name = "{0} UTC: {1}")
  @CsvSource({
      "2026-11-04T00:59:59Z, false", // 00:59:59 GMT
      "2026-11-04T01:00:00Z, true", // 01:00 GMT
      "2026-11-04T01:59:59Z, true",
      "2026-11-04T02:00:00Z, false",
      "2026-07-01T00:30:00Z, true", // 01:30 BST
      "2026-07-01T01:30:00Z, false", // 02:30 BST
      "2026-03-29T00:30:00Z, false", // 00:30 GMT; at 01:00 GMT the clocks jump to 02:00 BST
      "2026-03-29T01:00:00Z, false", // 02:00 BST: that night has no 01:00-02:00
      "2026-10-25T00:30:00Z, true", // 01:30 BST, the first time round
      "2026-10-25T01:30:00Z, true", // 01:30 GMT, the second time round
  })
  void isOpenFromOneToTwoUkTime(Instant instant, boolean open) {
    assertThat(window.isOpenAt(instant)).isEqualTo(open);
  }
}
