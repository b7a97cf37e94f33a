package org.caseway.gateway.delivery;

/** A disclosure not delivered; transient when trying again later may succeed. */
public class DeliveryException extends RuntimeException {

  private final boolean transientFailure;

  public DeliveryException(boolean transientFailure, String message) {
    this(transientFailure, message, null);
  }

  public DeliveryException(boolean transientFailure, String message, Throwable cause) {
    super(message, cause);
    this.transientFailure = transientFailure;
  }

  public boolean isTransient() {
    return transientFailure;
  }
}
