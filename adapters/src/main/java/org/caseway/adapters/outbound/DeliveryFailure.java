package org.caseway.adapters.outbound;

import java.time.Duration;
import java.util.Optional;

/**
 * A disclosure an outbound channel could not deliver. Transient: trying again later may succeed
 * (HTTP 5xx, 429, timeouts, refused connections, SOAP {@code Server} faults, retriable Kafka
 * errors), after {@link #retryAfter()} if the recipient said. Permanent: it will not (4xx other than
 * 429, SOAP {@code Client} faults, the trust's 422, a view the recipient's format cannot express);
 * the message says why, for the person who looks at it in the dead-letter store.
 */
public class DeliveryFailure extends RuntimeException {

  private final boolean transientFailure;
  private final Optional<Duration> retryAfter;

  public DeliveryFailure(boolean transientFailure, String message) {
    this(transientFailure, message, Optional.empty(), null);
  }

  public DeliveryFailure(boolean transientFailure, String message, Optional<Duration> retryAfter, Throwable cause) {
    super(message, cause);
    this.transientFailure = transientFailure;
    this.retryAfter = retryAfter;
  }

  public boolean isTransient() {
    return transientFailure;
  }

  public Optional<Duration> retryAfter() {
    return retryAfter;
  }

  /**
   * What a failure thrown out of an outbound route means: a {@code DeliveryFailure} anywhere in the
   * cause chain is itself; an I/O failure or a retriable Kafka error is transient; anything else is
   * permanent (a fault to look at, not to hammer).
   */
  public static DeliveryFailure classify(Throwable thrown) {
    // First the whole chain for a DeliveryFailure: the channel's own verdict wins over any wrapper.
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof DeliveryFailure failure) {
        return failure;
      }
    }
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.io.IOException
          || cause instanceof org.apache.kafka.common.errors.RetriableException
          || cause instanceof java.util.concurrent.TimeoutException
          // The channel's route is not running (the gateway is starting or stopping).
          || cause instanceof org.apache.camel.component.direct.DirectConsumerNotAvailableException) {
        return new DeliveryFailure(true, cause.getClass().getSimpleName() + ": " + cause.getMessage(),
            Optional.empty(), thrown);
      }
    }
    return new DeliveryFailure(false, thrown.getClass().getSimpleName() + ": " + thrown.getMessage(),
        Optional.empty(), thrown);
  }
}
