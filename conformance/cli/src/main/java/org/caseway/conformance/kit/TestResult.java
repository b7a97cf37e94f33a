package org.caseway.conformance.kit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How one test of a suite went.
 *
 * @param script the id of the TestScript it belongs to, e.g. {@code receiver-refuses-invalid}
 * @param name the test's name, unique within its script (for the sender suite, with the input it
 *     checked, e.g. {@code conforms-to-the-guide [message-1.json]})
 * @param description what the test checks, in the suite author's words; may be empty
 * @param level the level the test counts for
 * @param outcome {@link Outcome#PASS} (warnings allowed), {@link Outcome#FAIL}, {@link
 *     Outcome#ERROR} or {@link Outcome#SKIP}
 * @param reason for a test that did not pass, why: the first failing assert's message, or the
 *     error; for a skipped test, why it was skipped
 * @param steps every action, in order
 * @param elapsed how long it took
 */
public record TestResult(
    String script,
    String name,
    String description,
    Level level,
    Outcome outcome,
    Optional<String> reason,
    List<Step> steps,
    Duration elapsed) {

  public TestResult {
    steps = List.copyOf(steps);
  }

  /** {@code script/name}: unique within a suite. */
  public String id() {
    return script + "/" + name;
  }

  /** The asserts that failed or erred, in order. */
  public List<Step> problems() {
    return steps.stream().filter(step -> step.outcome().isProblem()).toList();
  }
}
