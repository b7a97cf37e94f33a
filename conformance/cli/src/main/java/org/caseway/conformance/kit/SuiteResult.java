package org.caseway.conformance.kit;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of running one suite against one target: every test's result, and the level reached.
 *
 * @param suite the suite's name, e.g. {@code receiver}
 * @param target what was tested, as given ({@code http://...} FHIR base, {@code kafka://...}, a
 *     folder of messages)
 * @param partner the partner under test, when the run was told ({@code --partner})
 * @param requested the level the run was asked to establish; tests above it were skipped
 * @param tests every test, in suite order
 * @param started when the run began
 * @param elapsed how long it took
 */
public record SuiteResult(
    String suite,
    String target,
    Optional<String> partner,
    Level requested,
    List<TestResult> tests,
    Instant started,
    Duration elapsed) {

  public SuiteResult {
    tests = List.copyOf(tests);
  }

  /**
   * The highest level whose tests, and those of every level below it, all passed (a skipped test
   * does not count against a level, unless it was skipped for being above the requested level:
   * a level that was not run is not reached). Empty when not even the lowest level was reached.
   */
  public Optional<Level> levelReached() {
    Level reached = null;
    for (Level level : Level.values()) {
      if (level.compareTo(requested) > 0 || !allPassed(level)) {
        break;
      }
      reached = level;
    }
    return Optional.ofNullable(reached);
  }

  /** True when the requested level was reached: exit code 0. */
  public boolean passed() {
    return levelReached().map(level -> level.atLeast(requested)).orElse(false);
  }

  /** How many tests ended with each outcome. */
  public Map<Outcome, Integer> counts() {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      counts.put(outcome, 0);
    }
    tests.forEach(test -> counts.merge(test.outcome(), 1, Integer::sum));
    return counts;
  }

  private boolean allPassed(Level level) {
    return tests.stream().filter(test -> test.level() == level).noneMatch(test -> test.outcome().isProblem());
  }
}
