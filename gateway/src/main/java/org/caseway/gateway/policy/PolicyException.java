package org.caseway.gateway.policy;

/** A message the policy engine cannot evaluate; the message says what is wrong with it. */
public class PolicyException extends RuntimeException {

  public PolicyException(String message) {
    super(message);
  }

  public PolicyException(String message, Throwable cause) {
    super(message, cause);
  }
}
