package org.caseway.conformance.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.caseway.conformance.validation.ValidationIssue;
import org.caseway.conformance.validation.ValidationIssue.Severity;
import org.caseway.conformance.validation.ValidationReport;

/**
 * Prints validation reports: per file its issues ({@code SEVERITY location: message}) and a
 * summary line, then a total. Errors include FATAL issues (content that could not be read).
 */
final class ReportPrinter {

  private final PrintStream out;
  private int files;
  private int filesWithErrors;
  private int errors;
  private int warnings;
  private int information;

  ReportPrinter(PrintStream out) {
    this.out = out;
  }

  void print(Path file, ValidationReport report) {
    out.println("== " + file);
    for (ValidationIssue issue : report.issues()) {
      out.println("  " + issue.severity() + " " + issue.location() + ": " + issue.message());
    }
    int fileErrors = count(report, Severity.FATAL) + count(report, Severity.ERROR);
    int fileWarnings = count(report, Severity.WARNING);
    int fileInformation = count(report, Severity.INFORMATION);
    out.println("  " + (fileErrors == 0 ? "conforms" : "does not conform") + ": "
        + counts(fileErrors, fileWarnings, fileInformation));
    files++;
    filesWithErrors += fileErrors > 0 ? 1 : 0;
    errors += fileErrors;
    warnings += fileWarnings;
    information += fileInformation;
  }

  void printTotal(long elapsedNanos) {
    out.println();
    out.println(String.format(Locale.ROOT, "Total: %d %s, %d with errors; %s (%.1f s)",
        files, plural(files, "file"), filesWithErrors, counts(errors, warnings, information),
        elapsedNanos / 1e9));
  }

  boolean anyErrors() {
    return errors > 0;
  }

  private static int count(ValidationReport report, Severity severity) {
    return report.issues(severity).size();
  }

  private static String counts(int errors, int warnings, int information) {
    return errors + " " + plural(errors, "error") + ", " + warnings + " " + plural(warnings, "warning")
        + ", " + information + " information";
  }

  private static String plural(int n, String word) {
    return n == 1 ? word : word + "s";
  }
}
