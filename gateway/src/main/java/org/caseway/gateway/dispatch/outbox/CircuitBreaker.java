package org.caseway.gateway.dispatch.outbox;

import java.time.Duration;
import java.time.Instant;

/**
 * One recipient's circuit: after {@code threshold} transient failures in a row it opens, and no
 * attempt is made to that recipient until {@code openFor} has passed; then one trial attempt decides
 * (success closes it; failure opens it again for twice as long, up to {@code longest}). Keeps a
 * recipient that is down from being hammered, and its worker's time from being spent on it.
 * Thread-safe: the lanes of one worker share it.
 */
final class CircuitBreaker {

  private final int threshold;
  private final Duration openFor;
  private final Duration longest;
  private int failuresInARow;
  private Duration currentOpening;
  private Instant openUntil = Instant.MIN;

  CircuitBreaker(int threshold, Duration openFor, Duration longest) {
    this.threshold = Math.max(1, threshold);
    this.openFor = openFor;
    this.longest = longest;
    this.currentOpening = openFor;
  }

  /** Whether an attempt may be made now. */
  synchronized boolean allows(Instant now) {
    return !now.isBefore(openUntil);
  }

  /** When attempts may start again; {@link Instant#MIN} when closed. */
  synchronized Instant openUntil() {
    return openUntil;
  }

  synchronized boolean isOpen(Instant now) {
    return !allows(now);
  }

  synchronized void succeeded() {
    failuresInARow = 0;
    currentOpening = openFor;
    openUntil = Instant.MIN;
  }

  /** @return true if this failure opened (or re-opened) the circuit */
  synchronized boolean failed(Instant now) {
    failuresInARow++;
    if (failuresInARow < threshold) {
      return false;
    }
    boolean trialFailed = failuresInARow > threshold;
    if (trialFailed) {
      Duration doubled = currentOpening.multipliedBy(2);
      currentOpening = doubled.compareTo(longest) > 0 ? longest : doubled;
    }
    openUntil = now.plus(currentOpening);
    return true;
  }
}
