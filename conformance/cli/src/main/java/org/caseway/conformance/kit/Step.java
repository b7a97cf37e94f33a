package org.caseway.conformance.kit;

import java.util.Optional;

/**
 * One action of a test as it ran: an operation (with its {@link Exchange}, or an input read) or an
 * assert.
 *
 * @param kind {@link Kind#OPERATION} or {@link Kind#ASSERT}
 * @param label what the action is, e.g. the assert's label or the operation's description
 * @param outcome how it went
 * @param message for an assert, what it checks and, unless it passed, what was found instead: a
 *     reason a person can act on; for an operation, its summary line
 * @param exchange the request and answer, for an operation that reached the target
 */
public record Step(Kind kind, String label, Outcome outcome, String message, Optional<Exchange> exchange) {

  /** What kind of action a step is. */
  public enum Kind {
    OPERATION,
    ASSERT
  }

  public static Step operation(String label, Outcome outcome, String message, Exchange exchange) {
    return new Step(Kind.OPERATION, label, outcome, message, Optional.ofNullable(exchange));
  }

  public static Step assertion(String label, Outcome outcome, String message) {
    return new Step(Kind.ASSERT, label, outcome, message, Optional.empty());
  }
}
