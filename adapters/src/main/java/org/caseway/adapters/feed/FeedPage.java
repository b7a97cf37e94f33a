package org.caseway.adapters.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One page of a change feed.
 *
 * @param items the changed items, in feed order
 * @param nextCursor the cursor to ask from next
 * @param hasMore whether more pages are waiting now
 */
public record FeedPage(List<JsonNode> items, String nextCursor, boolean hasMore) {

  public FeedPage {
    items = List.copyOf(items);
  }
}
