package org.caseway.conformance.cli;

import java.io.PrintStream;
import org.caseway.conformance.kit.KitListener;
import org.caseway.conformance.kit.TestResult;

/**
 * The progress line on standard error while a suite runs: {@code [3/25] receiver-repeat/...}. On a
 * terminal one line, rewritten in place and cleared at the end; elsewhere (CI logs) one line per
 * finished test with its result.
 */
final class ProgressLine implements KitListener {

  private final PrintStream err;
  private final boolean terminal;

  ProgressLine(PrintStream err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public void testStarted(int index, int total, String testId) {
    if (terminal) {
      err.print("\r\033[K[" + index + "/" + total + "] " + testId);
      err.flush();
    }
  }

  @Override
  public void testFinished(int index, int total, TestResult result) {
    if (!terminal) {
      err.println("[" + index + "/" + total + "] " + result.id() + " " + result.outcome().code());
    }
  }

  /** Clears the line on a terminal. */
  void done() {
    if (terminal) {
      err.print("\r\033[K");
      err.flush();
    }
  }
}
