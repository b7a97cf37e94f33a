package org.caseway.adapters.feed;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The durable state of a polled change feed: where it was read up to (the partner's opaque cursor)
 * and the highest version of each item already taken in (which decides opened / updated / closed).
 *
 * <p>Contract: thread-safe; {@link #savePage} is one transaction, called only after every item of
 * the page was accepted or refused for good, so that a crash before it re-reads the page (its
 * messages then repeat, and the accept path takes them once) and a crash after it never re-reads it.
 */
public interface FeedStateStore {

  /** The cursor to read from next; empty before the very first page. */
  Optional<String> cursor(String channelId);

  /** The highest version of {@code itemKey} taken in, if any. */
  OptionalLong lastVersion(String channelId, String itemKey);

  /**
   * Records a page as taken: the cursor to read from next and the versions taken in from it.
   *
   * @param versions item key to version; a version is only ever raised, never lowered
   */
  void savePage(String channelId, String nextCursor, Map<String, Long> versions);
}
