package org.caseway.gateway.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * A disclosure not delivered; transient when trying again later may succeed, after
 * {@link #retryAfter()} when the recipient said how long to wait.
 */
public class DeliveryException extends RuntimeException {

  private final boolean transientFailure;
  private final Optional<Duration> retryAfter;

  public DeliveryException(boolean transientFailure, String message) {
    this(transientFailure, message, null);
  }

  public DeliveryException(boolean transientFailure, String message, Throwable cause) {
    this(transientFailure, message, Optional.empty(), cause);
  }

  public DeliveryException(boolean transientFailure, String message, Optional<Duration> retryAfter, Throwable cause) {
    super(message, cause);
    this.transientFailure = transientFailure;
    this.retryAfter = retryAfter;
  }

  public boolean isTransient() {
    return transientFailure;
  }

  /** The wait the recipient asked for ({@code Retry-After}), if it did. */
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
