package org.caseway.conformance.kit.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.caseway.conformance.kit.Exchange;
import org.caseway.conformance.kit.Level;
import org.caseway.conformance.kit.Outcome;
import org.caseway.conformance.kit.Step;
import org.caseway.conformance.kit.SuiteResult;
import org.caseway.conformance.kit.TestResult;

/**
 * A suite result as one self-contained HTML page (no scripts, no external files) for a person to
 * read and sign off: the summary and level reached, a table of every test with its result and
 * reason, and each test's steps with what was sent and what came back (bodies truncated). Every
 * piece of text from a suite or a target is escaped: a response can never inject markup.
 *
 * <p>For tools: {@code body[data-level-reached]}, {@code body[data-result]}, and one {@code
 * tr.test[data-test][data-outcome][data-level]} per test.
 */
public final class HtmlReportWriter {

  private static final int MAX_BODY = 6_000;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String STYLE = """
      body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:80em}
      h1{font-size:1.5em}table{border-collapse:collapse;margin:1em 0}
      th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
      .pass{background:#e3f5e1}.fail{background:#fde2e1}.error{background:#fbe9c6}.skip{background:#eee}.warning{background:#fff6cc}
      .badge{font-weight:bold;text-transform:uppercase;font-size:.85em}
      pre{background:#f6f6f6;padding:.5em;white-space:pre-wrap;word-break:break-all;max-height:30em;overflow:auto}
      details{margin:.5em 0;border:1px solid #ddd;padding:.3em .6em}summary{cursor:pointer}
      .verdict{font-size:1.2em;padding:.5em;border:1px solid #ccc}
      """;

  private HtmlReportWriter() {}

  /** The page. */
  public static String toHtml(SuiteResult result) {
    String reached = result.levelReached().map(Level::code).orElse("none");
    StringBuilder html = new StringBuilder(16_384);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
        .append("<title>").append(Html.escape("Caseway conformance: " + result.suite() + " suite")).append("</title>\n")
        .append("<style>").append(STYLE).append("</style>\n</head>\n")
        .append("<body data-level-reached=\"").append(Html.escape(reached)).append("\" data-result=\"")
        .append(result.passed() ? "pass" : "fail").append("\">\n");
    summary(html, result, reached);
    table(html, result);
    details(html, result);
    html.append("</body>\n</html>\n");
    return html.toString();
  }

  private static void summary(StringBuilder html, SuiteResult result, String reached) {
    Map<Outcome, Integer> counts = result.counts();
    html.append("<h1>").append(Html.escape("Caseway conformance: " + result.suite() + " suite")).append("</h1>\n")
        .append("<p class=\"verdict ").append(result.passed() ? "pass" : "fail").append("\" id=\"verdict\">")
        .append(Html.escape(result.passed()
            ? "Passed at level " + result.requested().code() + "."
            : "Not passed at the requested level " + result.requested().code() + "."))
        .append(" Level reached: <strong id=\"level-reached\">").append(Html.escape(reached)).append("</strong></p>\n")
        .append("<table id=\"summary\">\n");
    row(html, "Target", result.target());
    row(html, "Partner", result.partner().orElse("(not given)"));
    row(html, "Requested level", result.requested().code());
    row(html, "Started", WHEN.format(result.started()));
    row(html, "Took", String.format(Locale.ROOT, "%.1f s", result.elapsed().toMillis() / 1000.0));
    row(html, "Tests", result.tests().size() + ": " + counts.get(Outcome.PASS) + " passed, " + counts.get(Outcome.FAIL) + " failed, "
        + counts.get(Outcome.ERROR) + " errors, " + counts.get(Outcome.SKIP) + " skipped");
    html.append("</table>\n");
  }

  private static void row(StringBuilder html, String name, String value) {
    html.append("<tr><th>").append(Html.escape(name)).append("</th><td>").append(Html.escape(value)).append("</td></tr>\n");
  }

  private static void table(StringBuilder html, SuiteResult result) {
    html.append("<h2>Tests</h2>\n<table id=\"tests\">\n<tr><th>Result</th><th>Level</th><th>Test</th><th>Reason</th></tr>\n");
    int index = 0;
    for (TestResult test : result.tests()) {
      String outcome = test.outcome().code();
      html.append("<tr class=\"test ").append(outcome).append("\" data-test=\"").append(Html.escape(test.id()))
          .append("\" data-outcome=\"").append(outcome).append("\" data-level=\"").append(test.level().code()).append("\">")
          .append("<td class=\"badge\">").append(outcome).append("</td><td>").append(test.level().code()).append("</td>")
          .append("<td><a href=\"#test-").append(index++).append("\">").append(Html.escape(test.id())).append("</a></td>")
          .append("<td>").append(Html.escape(test.reason().map(HtmlReportWriter::firstLine).orElse(""))).append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static void details(StringBuilder html, SuiteResult result) {
    html.append("<h2>Details</h2>\n");
    int index = 0;
    for (TestResult test : result.tests()) {
      html.append("<details id=\"test-").append(index++).append("\"").append(test.outcome().isProblem() ? " open" : "").append(">")
          .append("<summary class=\"").append(test.outcome().code()).append("\"><span class=\"badge\">").append(test.outcome().code())
          .append("</span> ").append(Html.escape(test.id())).append("</summary>\n");
      if (!test.description().isEmpty()) {
        html.append("<p>").append(Html.escape(test.description())).append("</p>\n");
      }
      test.reason().ifPresent(reason -> html.append("<p><strong>Why:</strong></p><pre>").append(Html.escape(reason)).append("</pre>\n"));
      html.append("<ol>\n");
      for (Step step : test.steps()) {
        step(html, step);
      }
      html.append("</ol>\n</details>\n");
    }
  }

  private static void step(StringBuilder html, Step step) {
    html.append("<li class=\"").append(step.outcome().code()).append("\"><span class=\"badge\">").append(step.outcome().code())
        .append("</span> ").append(Html.escape(step.kind() == Step.Kind.OPERATION ? step.label() : step.message()));
    step.exchange().ifPresent(exchange -> exchange(html, exchange));
    html.append("</li>\n");
  }

  private static void exchange(StringBuilder html, Exchange exchange) {
    StringBuilder sent = new StringBuilder(exchange.method() + " " + exchange.url() + "\n");
    exchange.requestHeaders().forEach((name, value) -> sent.append(name).append(": ").append(value).append('\n'));
    if (!exchange.requestBody().isEmpty()) {
      sent.append('\n').append(Truncation.cut(exchange.requestBody(), MAX_BODY));
    }
    html.append("<details><summary>Sent</summary><pre>").append(Html.escape(sent.toString())).append("</pre></details>\n");
    String answer = exchange.transportError().map(error -> "No answer: " + error)
        .orElse("HTTP " + exchange.status() + " in " + exchange.elapsed().toMillis() + " ms\n"
            + exchange.responseHeader("content-type").map(type -> "Content-Type: " + type + "\n").orElse("")
            + "\n" + Truncation.cut(exchange.responseBody(), MAX_BODY));
    html.append("<details><summary>Received</summary><pre>").append(Html.escape(answer)).append("</pre></details>\n");
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline) + " …";
  }
}
