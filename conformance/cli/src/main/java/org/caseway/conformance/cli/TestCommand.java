package org.caseway.conformance.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.kit.ConformanceKit;
import org.caseway.conformance.kit.Level;
import org.caseway.conformance.kit.Outcome;
import org.caseway.conformance.kit.SuiteResult;
import org.caseway.conformance.kit.TestResult;
import org.caseway.conformance.kit.report.ReportFiles;

/**
 * {@code test --suite SUITE --target ...}: runs a conformance suite against a partner's endpoint,
 * the gateway, or a set of messages a partner produced, shows a progress line on standard error,
 * prints each test's result (and why, for those that did not pass) and the level reached, and
 * writes the reports: FHIR TestReport, JUnit XML, HTML. Exits 0 when the requested level was
 * reached, 1 when not, 2 on a usage error (arguments, an unknown suite, a target the suite cannot
 * use).
 */
final class TestCommand implements Command {

  private final boolean terminal;

  /** @param terminal whether standard error is a terminal (the progress line is rewritten in place) */
  TestCommand(boolean terminal) {
    this.terminal = terminal;
  }

  TestCommand() {
    this(System.console() != null);
  }

  @Override
  public String name() {
    return "test";
  }

  @Override
  public String usage() {
    return TestArguments.USAGE + "   run a conformance suite (" + String.join(", ", ConformanceKit.suites())
        + ") and write its reports";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    TestArguments arguments;
    try {
      arguments = TestArguments.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return USAGE;
    }
    ProgressLine progress = new ProgressLine(err, terminal);
    SuiteResult result;
    try {
      result = new ConformanceKit().run(arguments.suite(), arguments.target(), arguments.options().withListener(progress));
    } catch (IllegalArgumentException e) {
      progress.done();
      err.println(e.getMessage());
      return USAGE;
    }
    progress.done();
    print(result, out);
    try {
      ReportFiles files = ReportFiles.write(result, arguments.reportDir(), ImplementationGuide.load().fhirContext());
      out.println("Reports: " + files.html() + ", " + files.testReport() + ", " + files.junitXml());
    } catch (IOException e) {
      err.println("Cannot write the reports to " + arguments.reportDir() + ": " + e.getMessage());
      return FAILED;
    }
    return result.passed() ? OK : FAILED;
  }

  private static void print(SuiteResult result, PrintStream out) {
    out.println("== suite " + result.suite() + " against " + result.target());
    for (TestResult test : result.tests()) {
      out.println(String.format(Locale.ROOT, "%-5s %-4s %s", test.outcome().code().toUpperCase(Locale.ROOT), test.level().code(), test.id()));
      if (test.outcome() != Outcome.PASS && test.outcome() != Outcome.SKIP) {
        test.problems().forEach(step -> out.println("      " + step.message().replace("\n", "\n      ")));
      }
    }
    Map<Outcome, Integer> counts = result.counts();
    out.println();
    out.println(String.format(Locale.ROOT, "Total: %d tests, %d passed, %d failed, %d errors, %d skipped (%.1f s)",
        result.tests().size(), counts.get(Outcome.PASS), counts.get(Outcome.FAIL), counts.get(Outcome.ERROR),
        counts.get(Outcome.SKIP), result.elapsed().toMillis() / 1000.0));
    out.println("Level reached: " + result.levelReached().map(Level::code).orElse("none") + " (requested "
        + result.requested().code() + "): " + (result.passed() ? "PASSED" : "NOT PASSED"));
  }
}
