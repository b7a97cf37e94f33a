package org.caseway.conformance.kit;

/** A suite result as text, for assertion messages. */
final class Describe {

  private Describe() {}

  static String of(SuiteResult result) {
    StringBuilder text = new StringBuilder(result.suite() + " against " + result.target() + ", level reached "
        + result.levelReached().map(Level::code).orElse("none") + "\n");
    for (TestResult test : result.tests()) {
      text.append(test.outcome().code()).append(' ').append(test.id()).append('\n');
      if (test.outcome() != Outcome.PASS) {
        test.steps().stream().filter(step -> step.outcome() != Outcome.PASS)
            .forEach(step -> text.append("    ").append(step.outcome().code()).append(": ").append(step.message()).append('\n'));
        test.steps().stream().flatMap(step -> step.exchange().stream())
            .forEach(exchange -> text.append("    ").append(exchange.summary()).append(" ")
                .append(exchange.responseBody(), 0, Math.min(300, exchange.responseBody().length())).append('\n'));
      }
    }
    return text.toString();
  }
}
