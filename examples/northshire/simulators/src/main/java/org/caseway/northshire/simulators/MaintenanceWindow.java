package org.caseway.northshire.simulators;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The housing service's nightly maintenance: 01:00 to 02:00 UK time (housing-soap.md), whatever
 * the offset. On the night the clocks go forward there is no such hour, so no window; on the night
 * they go back the hour happens twice, and so does the window. Immutable and thread-safe.
 */
final class MaintenanceWindow {

  static final ZoneId UK = ZoneId.of("Europe/London");
  private static final LocalTime START = LocalTime.of(1, 0);
  private static final LocalTime END = LocalTime.of(2, 0);

  /** True from 01:00 inclusive to 02:00 exclusive, UK local time. */
  boolean isOpenAt(Instant instant) {
    LocalTime local = instant.atZone(UK).toLocalTime();
    return !local.isBefore(START) && local.isBefore(END);
  }
}
