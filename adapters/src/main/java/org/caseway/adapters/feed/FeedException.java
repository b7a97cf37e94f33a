package org.caseway.adapters.feed;

import java.time.Duration;
import java.util.Optional;

/**
 * A page could not be read. Transient failures (429, 5xx, timeouts, refused connections) are
 * retried with backoff, honouring {@link #retryAfter()}; permanent ones (a refused API key, a
 * cursor the partner does not know, a page that is not the documented JSON) need a person, and are
 * retried only slowly so that the fix takes effect without a restart.
 */
public class FeedException extends RuntimeException {

  private final boolean transientFailure;
  private final Optional<Duration> retryAfter;

  public FeedException(boolean transientFailure, String message, Optional<Duration> retryAfter, Throwable cause) {
    super(message, cause);
    this.transientFailure = transientFailure;
    this.retryAfter = retryAfter;
  }

  public boolean isTransient() {
    return transientFailure;
  }

  /** The wait the partner asked for ({@code Retry-After}), if it did. */
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
