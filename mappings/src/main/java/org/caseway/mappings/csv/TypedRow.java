package org.caseway.mappings.csv;

import java.util.List;
import java.util.Map;
import org.caseway.mappings.RecordError;

/**
 * One data row of a CSV file, checked against its column spec.
 *
 * @param line the file line the row starts on (the header is line 1; a quoted line break makes a
 *     row span several lines)
 * @param row the record number (the header is row 1)
 * @param values the typed values by column name; empty columns are absent
 * @param errors what is wrong with the row; empty for a good row
 */
public record TypedRow(int line, int row, Map<String, Object> values, List<RecordError> errors) {

  public boolean isGood() {
    return errors.isEmpty();
  }
}
