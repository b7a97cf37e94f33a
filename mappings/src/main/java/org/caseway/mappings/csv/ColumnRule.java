package org.caseway.mappings.csv;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One column of a CSV column spec: how to check a value and what typed value it becomes.
 *
 * <pre>
 * - name: ReportedAt          # the header name (columns are found by name, in any order)
 *   required: true            # a row must have a value (required-with: OtherColumn: when that one has)
 *   requires: OtherColumn     # a value here needs one there (a person's name needs its reference)
 *   type: datetime            # string (default), integer, date, datetime, list
 *   format: dd/MM/yyyy HH:mm  # date, datetime
 *   zone: Europe/London       # datetime: the local time's zone
 *   pattern: 'N[0-9]{7}'      # the whole value must match (after normalising)
 *   shape: N + 7 digits       # how to say the pattern to a person, in error messages
 *   values: [M, F, X, U]      # the value (each item of a list) must be one of these
 *   separator: ';'            # list
 *   normalise: postcode       # postcode, upper, collapse-spaces
 *   check: nhs-number         # nhs-number (modulus 11 check digit)
 * </pre>
 */
record ColumnRule(String name, boolean required, Optional<String> requiredWith, Optional<String> requires, String type,
    Optional<String> formatPattern, Optional<DateTimeFormatter> format, Optional<ZoneId> zone, Optional<Pattern> pattern, Optional<String> shape,
    List<String> values, String separator, Optional<String> normalise, Optional<String> check) {

  static ColumnRule read(JsonNode column) {
    String name = column.path("name").asText("");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a column has no name");
    }
    String type = column.path("type").asText("string");
    if (!List.of("string", "integer", "date", "datetime", "list").contains(type)) {
      throw new IllegalArgumentException("column " + name + " has an unknown type '" + type + "'");
    }
    Optional<String> formatPattern = text(column, "format");
    Optional<DateTimeFormatter> format = formatPattern.map(LocalTimes::strict);
    if ((type.equals("date") || type.equals("datetime")) && format.isEmpty()) {
      throw new IllegalArgumentException("column " + name + " of type " + type + " needs a format");
    }
    Optional<ZoneId> zone = text(column, "zone").map(ZoneId::of);
    if (type.equals("datetime") && zone.isEmpty()) {
      throw new IllegalArgumentException("column " + name + " of type datetime needs a zone");
    }
    Optional<String> normalise = text(column, "normalise");
    normalise.filter(n -> !Normalisers.known(n)).ifPresent(n -> {
      throw new IllegalArgumentException("column " + name + " names an unknown normaliser " + n);
    });
    List<String> values = new ArrayList<>();
    column.path("values").forEach(value -> values.add(value.asText()));
    return new ColumnRule(name, column.path("required").asBoolean(false),
        text(column, "required-with"), text(column, "requires"), type, formatPattern, format, zone, text(column, "pattern").map(Pattern::compile),
        text(column, "shape"),
        List.copyOf(values), column.path("separator").asText(";"), normalise, text(column, "check"));
  }

  /**
   * The typed value of {@code raw} (non-empty, stripped).
   *
   * @throws IllegalArgumentException with the reason, for a value the rule refuses
   */
  Object convert(String raw) {
    String value = normalise.isPresent() ? Normalisers.apply(normalise.get(), raw) : raw;
    return switch (type) {
      case "integer" -> integer(value);
      case "date" -> parsed(() -> LocalTimes.date(value, format.orElseThrow()));
      case "datetime" -> parsed(() -> LocalTimes.instant(value, format.orElseThrow(), zone.orElseThrow()));
      case "list" -> list(value);
      default -> checked(value);
    };
  }

  private String checked(String value) {
    pattern.filter(p -> !p.matcher(value).matches()).ifPresent(p -> {
      throw new IllegalArgumentException("does not have the shape " + shape.orElse(p.pattern()));
    });
    if (!values.isEmpty() && !values.contains(value)) {
      throw new IllegalArgumentException("is not one of " + String.join(", ", values));
    }
    if (check.filter("nhs-number"::equals).isPresent() && !NhsNumbers.isValid(value)) {
      throw new IllegalArgumentException("is not a valid NHS number (10 digits, modulus 11 check digit)");
    }
    return value;
  }

  private List<String> list(String value) {
    List<String> items = new ArrayList<>();
    for (String item : value.split(Pattern.quote(separator))) {
      if (!item.isBlank()) {
        items.add(checked(item.strip()));
      }
    }
    return items;
  }

  private static Long integer(String value) {
    try {
      return Long.valueOf(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("is not a whole number");
    }
  }

  private String parsed(java.util.function.Supplier<String> parse) {
    try {
      return parse.get();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(type.equals("date")
          ? "is not a real date in the format " + formatText() : "is not a real date and time in the format " + formatText());
    }
  }

  private String formatText() {
    return formatPattern.orElse("");
  }

  private static Optional<String> text(JsonNode node, String key) {
    return node.hasNonNull(key) ? Optional.of(node.get(key).asText()) : Optional.empty();
  }
}
