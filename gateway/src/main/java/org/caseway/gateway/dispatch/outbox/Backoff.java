package org.caseway.gateway.dispatch.outbox;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongUnaryOperator;

/**
 * The wait before the next attempt after a transient failure: the recipient's {@code Retry-After}
 * when it gave one (never more than {@code longest}), else {@code first} doubled per attempt, capped
 * at {@code longest}, with full jitter over its upper half, so that many deliveries failing together
 * do not come back together. Thread-safe.
 */
final class Backoff {

  private final Duration first;
  private final Duration longest;
  private final LongUnaryOperator jitter;

  /** @param jitter given the wait in milliseconds, a random number of milliseconds from 0 up to it */
  Backoff(Duration first, Duration longest, LongUnaryOperator jitter) {
    this.first = first;
    this.longest = longest;
    this.jitter = jitter;
  }

  /** @param attempts attempts made so far, the failed one included (at least 1) */
  Duration after(int attempts, Optional<Duration> retryAfter) {
    if (retryAfter.isPresent()) {
      return retryAfter.get().compareTo(longest) > 0 ? longest : retryAfter.get();
    }
    long wait = first.toMillis() << Math.min(Math.max(attempts - 1, 0), 30);
    long capped = Math.min(wait <= 0 ? Long.MAX_VALUE : wait, longest.toMillis());
    return Duration.ofMillis(capped - capped / 2 + jitter.applyAsLong(capped / 2));
  }
}
