package org.caseway.mappings;

/**
 * One bad record of an input that otherwise maps: where it is and why it was refused.
 *
 * @param source the input's name (file name, feed page), as given in {@link MappingInput}
 * @param line the input line the record starts on (1 = the first line, the header of a CSV), or 0
 *     when the input has no lines (JSON)
 * @param location the column name (CSV) or JSON path ({@code $.parties[1].partyId}); may be empty
 * @param value the offending value, shortened; empty when the value is missing or is personal
 *     data that must not be echoed
 * @param reason what is wrong and what the partner should fix
 */
public record RecordError(String source, int line, String location, String value, String reason) {

  /** One line for people: {@code file:line column: reason}. */
  public String describe() {
    StringBuilder text = new StringBuilder(source);
    if (line > 0) {
      text.append(':').append(line);
    }
    if (!location.isEmpty()) {
      text.append(' ').append(location);
    }
    text.append(": ").append(reason);
    if (!value.isEmpty()) {
      text.append(" (value '").append(value).append("')");
    }
    return text.toString();
  }
}
