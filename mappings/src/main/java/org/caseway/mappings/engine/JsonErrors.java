package org.caseway.mappings.engine;

import org.caseway.mappings.RecordError;

/** A refused JSON record: a reason that starts with a JSON path ({@code $.parties[1] ...}) is located there. */
final class JsonErrors {

  private JsonErrors() {}

  static RecordError of(String source, String reason) {
    if (reason.startsWith("$")) {
      int space = reason.indexOf(' ');
      if (space > 0) {
        return new RecordError(source, 0, reason.substring(0, space), "", reason);
      }
    }
    return new RecordError(source, 0, "$", "", reason);
  }
}
