package org.caseway.northshire.simulators;

import java.util.concurrent.atomic.AtomicInteger;

/** "The next n calls": each call takes one from the budget while any is left. Thread-safe. */
final class CallBudget {

  private final AtomicInteger remaining = new AtomicInteger();

  /**
   * Replaces what is left with {@code calls}.
   *
   * @throws IllegalArgumentException if {@code calls} is negative
   */
  void set(int calls) {
    if (calls < 0) {
      throw new IllegalArgumentException("A number of calls is 0 or more, not " + calls);
    }
    remaining.set(calls);
  }

  /** Takes one call from the budget; false if none was left. */
  boolean take() {
    return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }
}
