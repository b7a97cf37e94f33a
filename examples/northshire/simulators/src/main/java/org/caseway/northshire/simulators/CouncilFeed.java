package org.caseway.northshire.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The council's change feed (council-asb-api.md): an append-only list of case versions, read in
 * pages from a cursor. Cursor {@code c-000002} names the position after the second entry; no cursor
 * means the start. A cursor at the end is answered with no changes and the same cursor back, so a
 * poller that stores {@code nextCursor} stays where it is. Thread-safe.
 */
final class CouncilFeed {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  /** One page of the feed. */
  record Page(List<JsonNode> changes, String nextCursor, boolean hasMore) {}

  /** A cursor that names no position of this feed (garbled, or beyond its end). */
  static final class UnknownCursorException extends IllegalArgumentException {
    UnknownCursorException(String cursor) {
      super("unknown cursor '" + cursor + "': use a nextCursor this feed gave, or omit since to start over");
    }
  }

  private final List<JsonNode> entries = new ArrayList<>();

  /** Appends one case version; the caller must not change it afterwards. */
  synchronized void append(JsonNode caseVersion) {
    entries.add(caseVersion);
  }

  /**
   * The entries after {@code since}, at most {@code limit} of them.
   *
   * @param since a cursor this feed gave, or null for the start
   * @param limit 1 to {@value #MAX_LIMIT}
   * @throws UnknownCursorException if {@code since} names no position of this feed
   * @throws IllegalArgumentException if {@code limit} is out of range
   */
  synchronized Page page(String since, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
    }
    int from = since == null ? 0 : position(since);
    int to = Math.min(entries.size(), from + limit);
    return new Page(List.copyOf(entries.subList(from, to)), cursorAt(to), to < entries.size());
  }

  synchronized int size() {
    return entries.size();
  }

  static String cursorAt(int position) {
    return String.format(Locale.ROOT, "c-%06d", position);
  }

  private int position(String cursor) {
    if (cursor.matches("c-\\d{6,9}")) {
      int position = Integer.parseInt(cursor.substring(2));
      // Only the feed's own spelling of a position: "c-0000002" is garbled, not "c-000002".
      if (position <= entries.size() && cursorAt(position).equals(cursor)) {
        return position;
      }
    }
    throw new UnknownCursorException(cursor);
  }
}
