package org.caseway.conformance.kit.engine;

/**
 * Something in a suite, or in how it was run, that stops a test from being carried out (a missing
 * fixture, an expression that does not parse, a variable without a value). The test errs with the
 * message, which says what to fix.
 */
public class KitException extends RuntimeException {

  public KitException(String message) {
    super(message);
  }

  public KitException(String message, Throwable cause) {
    super(message, cause);
  }
}
