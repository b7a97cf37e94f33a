package org.caseway.adapters.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.caseway.mappings.support.MutableClock;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-03T09:00:00Z"));

  @Test
  void delaySecondsAreTheWait() {
    assertThat(RetryAfter.parse(Optional.of(" 7 "), clock)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse(Optional.of("-5"), clock)).contains(Duration.ZERO);
  }

  @Test
  void anHttpDateIsTheWaitUntilThen() {
    assertThat(RetryAfter.parse(Optional.of("Tue, 3 Nov 2026 09:02:30 GMT"), clock)).contains(Duration.ofSeconds(150));
    assertThat(RetryAfter.parse(Optional.of("Tue, 3 Nov 2026 08:00:00 GMT"), clock)).contains(Duration.ZERO);
  }

  @Test
  void aWaitIsCappedAtAnHour() {
    assertThat(RetryAfter.parse(Optional.of("86400"), clock)).contains(Duration.ofHours(1));
  }

  @Test
  void anAbsentOrUnreadableValueIsNoWait() {
    assertThat(RetryAfter.parse(Optional.empty(), clock)).isEmpty();
    assertThat(RetryAfter.parse(Optional.of("soon"), clock)).isEmpty();
  }
}
