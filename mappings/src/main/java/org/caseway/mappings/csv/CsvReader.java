package org.caseway.mappings.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.caseway.mappings.InputLimits;
import org.caseway.mappings.MappingErrorCode;
import org.caseway.mappings.MappingException;
import org.caseway.mappings.RecordError;

/**
 * Reads a CSV file (RFC 4180: quoted fields with commas, doubled quotes and line breaks; CRLF or
 * LF; a UTF-8 byte-order mark; trailing blank lines) into {@link TypedRow}s. Columns are found by
 * header name in any order; unknown columns are ignored. Thread-safe (stateless apart from its spec).
 */
public final class CsvReader {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
      .setAllowMissingColumnNames(true).setTrim(false).get();

  private final ColumnSpec spec;
  private final InputLimits limits;

  public CsvReader(ColumnSpec spec, InputLimits limits) {
    this.spec = spec;
    this.limits = limits;
  }

  /**
   * Reads every row.
   *
   * @throws MappingException {@link MappingErrorCode#INPUT_UNREADABLE} when the file is not in the
   *     encoding, is not CSV or lacks a column of the spec; {@link MappingErrorCode#INPUT_TOO_LARGE}
   *     beyond the row or field limits
   */
  public List<TypedRow> read(String source, byte[] content, Charset encoding) {
    String text = stripBom(decode(source, content, encoding));
    LineIndex lines = new LineIndex(text);
    List<TypedRow> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
      checkHeader(source, parser.getHeaderNames());
      for (CSVRecord record : parser) {
        if (rows.size() == limits.maxRows()) {
          throw new MappingException(MappingErrorCode.INPUT_TOO_LARGE, source + " has more than "
              + limits.maxRows() + " rows; split the export.");
        }
        rows.add(typed(source, record, lines.lineOf(record.getCharacterPosition())));
      }
    } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
      throw new MappingException(MappingErrorCode.INPUT_UNREADABLE, source
          + " cannot be read as CSV: " + e.getMessage()
          + ". Check that it is the comma-separated export, quotes balanced.", e);
    }
    return rows;
  }

  private TypedRow typed(String source, CSVRecord record, int line) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<RecordError> errors = new ArrayList<>();
    Map<String, String> raw = record.toMap();
    for (ColumnRule rule : spec.columns()) {
      String value = raw.getOrDefault(rule.name(), "");
      value = value == null ? "" : value.strip();
      if (value.length() > limits.maxFieldLength()) {
        throw new MappingException(MappingErrorCode.INPUT_TOO_LARGE, source + ":" + line + " "
            + rule.name() + ": the field is " + value.length() + " characters; the limit is "
            + limits.maxFieldLength() + ".");
      }
      if (!value.isEmpty()) {
        convert(source, line, rule, value, values, errors);
      }
    }
    checkRequired(source, line, raw, values, errors);
    return new TypedRow(line, (int) record.getRecordNumber() + 1, values, List.copyOf(errors));
  }

  private static void convert(String source, int line, ColumnRule rule, String value,
      Map<String, Object> values, List<RecordError> errors) {
    try {
      values.put(rule.name(), rule.convert(value));
    } catch (IllegalArgumentException e) {
      errors.add(new RecordError(source, line, rule.name(), shorten(value), rule.name() + " " + e.getMessage()));
    }
  }

  private void checkRequired(String source, int line, Map<String, String> raw,
      Map<String, Object> values, List<RecordError> errors) {
    for (ColumnRule rule : spec.columns()) {
      boolean present = !raw.getOrDefault(rule.name(), "").isBlank();
      boolean needed = rule.required()
          || rule.requiredWith().map(other -> !raw.getOrDefault(other, "").isBlank()).orElse(false);
      if (needed && !present) {
        errors.add(new RecordError(source, line, rule.name(), "", rule.name() + " is empty but required"
            + rule.requiredWith().map(other -> " when " + other + " is given").orElse("")));
      }
      rule.requires().filter(other -> present && raw.getOrDefault(other, "").isBlank())
          .filter(other -> errors.stream().noneMatch(error -> error.location().equals(other))).ifPresent(other ->
          errors.add(new RecordError(source, line, other, "", other + " is empty but " + rule.name()
              + " is given: without " + other + " this row cannot be mapped")));
    }
  }

  private void checkHeader(String source, List<String> header) {
    List<String> missing = spec.names().stream().filter(name -> !header.contains(name)).toList();
    if (!missing.isEmpty()) {
      throw new MappingException(MappingErrorCode.INPUT_UNREADABLE, source + ": the header line lacks "
          + (missing.size() == 1 ? "the column " : "the columns ") + String.join(", ", missing)
          + "; expected a header naming " + String.join(", ", spec.names())
          + " (in any order). Is this the right file, with its header on line 1?");
    }
  }

  private static String decode(String source, byte[] content, Charset encoding) {
    try {
      return encoding.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      throw new MappingException(MappingErrorCode.INPUT_UNREADABLE, source + " is not valid "
          + encoding.name() + ". If the partner exports Windows-1252, set the parameter encoding=windows-1252.", e);
    }
  }

  private static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static String shorten(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }

  /** Line numbers from character offsets: commons-csv counts records, not lines. */
  private static final class LineIndex {
    private final int[] starts;

    LineIndex(String text) {
      List<Integer> found = new ArrayList<>();
      found.add(0);
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          found.add(i + 1);
        }
      }
      starts = found.stream().mapToInt(Integer::intValue).toArray();
    }

    int lineOf(long position) {
      int index = Arrays.binarySearch(starts, (int) position);
      return (index >= 0 ? index : -index - 2) + 1;
    }
  }
}
