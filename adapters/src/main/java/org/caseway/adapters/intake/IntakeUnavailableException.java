package org.caseway.adapters.intake;

/** The gateway cannot take messages now (journal or database unavailable); nothing was accepted. */
public class IntakeUnavailableException extends RuntimeException {

  public IntakeUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
