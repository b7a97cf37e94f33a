package org.caseway.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** Turns JMH's results into rows with ratios, and rows into a table. */
final class Rows {

  private static final String YARDSTICK = "FhirCodecBenchmark.parseAndEncode";

  private Rows() {}

  static List<Row> from(Collection<RunResult> results) {
    Map<String, Double> yardsticks = new HashMap<>();
    for (RunResult result : results) {
      if (name(result.getParams()).equals(YARDSTICK)) {
        yardsticks.put(result.getParams().getParam("event"), result.getPrimaryResult().getScore());
      }
    }
    List<Row> rows = new ArrayList<>();
    for (RunResult result : results) {
      Result<?> primary = result.getPrimaryResult();
      String event = eventOf(name(result.getParams()), result.getParams());
      Double yardstick = event == null ? null : yardsticks.get(event);
      rows.add(
          new Row(
              name(result.getParams()),
              params(result.getParams()),
              primary.getScore(),
              primary.getScoreError(),
              1_000_000.0 / primary.getScore(),
              yardstick == null ? null : primary.getScore() / yardstick));
    }
    return rows;
  }

  /**
   * The event whose message a benchmark works on (or produces, or delivers), whose parse+encode is
   * its yardstick; null where there is none (the tenancy roll, identity look-up).
   */
  static String eventOf(String benchmark, BenchmarkParams params) {
    if (params.getParamsKeys().contains("event")) {
      return params.getParam("event");
    }
    String owner = benchmark.substring(0, benchmark.indexOf('.'));
    return switch (owner) {
      case "PolicyBenchmark", "PolicyPerMessageBenchmark", "LedgerBenchmark" -> "incident-reported";
      case "OutboundJsonBenchmark" ->
          params.getParam("recipient").equals("northshire-police") ? "risk-flag-raised" : "incident-reported";
      case "MappingBenchmark" -> {
        String fixture = params.getParam("fixture");
        if (fixture.startsWith("council-asb-case/")) {
          yield "case-opened";
        } else if (fixture.startsWith("housing-tenancy-roll/")) {
          yield null;
        } else if (fixture.contains("iom-cohort-changed")) {
          yield "iom-cohort-changed";
        } else if (fixture.contains("risk-flag-raised")) {
          yield "risk-flag-raised";
        }
        yield "incident-reported";
      }
      default -> null;
    };
  }

  static String table(List<Row> rows) {
    StringBuilder table = new StringBuilder();
    String format = "%-36s %-72s %10s %9s %10s %11s%n";
    table.append(String.format(format, "benchmark", "params", "us/op", "+-", "ops/s", "x parse+enc"));
    for (Row row : rows) {
      table.append(
          String.format(
              format,
              row.benchmark(),
              row.params(),
              String.format("%.1f", row.microsPerOp()),
              String.format("%.1f", row.error()),
              String.format("%.0f", row.opsPerSecond()),
              row.timesParseEncode() == null ? "" : String.format("%.2f", row.timesParseEncode())));
    }
    return table.toString();
  }

  private static String name(BenchmarkParams params) {
    String benchmark = params.getBenchmark();
    String[] parts = benchmark.split("\\.");
    return parts[parts.length - 2] + "." + parts[parts.length - 1];
  }

  private static String params(BenchmarkParams params) {
    List<String> pairs = new ArrayList<>();
    for (String key : params.getParamsKeys()) {
      pairs.add(key + "=" + params.getParam(key));
    }
    return String.join(",", pairs);
  }
}
