package org.caseway.adapters.intake;

/**
 * A message refused for good. {@link #code()} is the gateway's stable error code (for example
 * {@code MESSAGE_NONCONFORMANT}); the message says what the partner should fix and never quotes
 * another partner's data.
 */
public class IntakeRefusedException extends RuntimeException {

  private final String code;

  public IntakeRefusedException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
