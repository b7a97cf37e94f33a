package org.caseway.adapters.filedrop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.caseway.mappings.RecordError;

/**
 * The per-row error report written next to a file set aside in {@code error/}:
 * {@code <file>.errors.csv}, UTF-8 with a byte-order mark (so that a spreadsheet reads names such as
 * Zoë and Łukasz right), RFC 4180, one row per refused row (or one row for a file refused
 * whole), with the columns {@code file,line,column,value,reason}.
 *
 * <p>Cells that a spreadsheet would run as a formula (starting with {@code = + - @}, tab or carriage
 * return) are prefixed with a quote, so opening the report cannot execute anything.
 */
public final class ErrorReport {

  public static final String SUFFIX = ".errors.csv";
  static final String HEADER = "file,line,column,value,reason";
  private static final String BOM = "\uFEFF";

  private ErrorReport() {}

  /** The report's name for a dropped file's name. */
  public static String nameFor(String fileName) {
    return fileName + SUFFIX;
  }

  /** Writes the report into {@code folder} (created if missing), replacing any earlier one atomically. */
  public static Path write(Path folder, String fileName, List<RecordError> problems) {
    try {
      Files.createDirectories(folder);
      Path report = folder.resolve(nameFor(fileName));
      Path partial = folder.resolve(nameFor(fileName) + ".partial");
      Files.writeString(partial, BOM + render(problems), StandardCharsets.UTF_8);
      Files.move(partial, report, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return report;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the error report for " + fileName + " in " + folder, e);
    }
  }

  static String render(List<RecordError> problems) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (RecordError problem : problems) {
      csv.append(cell(problem.source())).append(',')
          .append(problem.line() > 0 ? Integer.toString(problem.line()) : "").append(',')
          .append(cell(problem.location())).append(',')
          .append(cell(problem.value())).append(',')
          .append(cell(problem.reason())).append("\r\n");
    }
    return csv.toString();
  }

  /** One CSV cell: neutralised against formula injection, quoted when it needs to be. */
  static String cell(String raw) {
    String value = raw == null ? "" : raw;
    if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
      value = "'" + value;
    }
    if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }
}
