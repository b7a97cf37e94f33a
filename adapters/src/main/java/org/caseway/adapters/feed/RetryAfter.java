package org.caseway.adapters.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads an HTTP {@code Retry-After} value: delay-seconds or an HTTP-date (RFC 9110 10.2.3). */
public final class RetryAfter {

  private static final Duration LONGEST = Duration.ofHours(1);

  private RetryAfter() {}

  /** The wait it asks for, capped at an hour; empty when absent or unreadable. */
  public static Optional<Duration> parse(Optional<String> header, Clock clock) {
    return header.map(String::strip).flatMap(value -> {
      try {
        return Optional.of(cap(Duration.ofSeconds(Math.max(0, Long.parseLong(value)))));
      } catch (NumberFormatException notSeconds) {
        try {
          ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
          Duration wait = Duration.between(clock.instant(), at.toInstant());
          return Optional.of(cap(wait.isNegative() ? Duration.ZERO : wait));
        } catch (DateTimeParseException notADate) {
          return Optional.empty();
        }
      }
    });
  }

  private static Duration cap(Duration wait) {
    return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
  }
}
