package org.caseway.gateway.channels;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.caseway.adapters.feed.FeedStateStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feed cursors and item versions in the database ({@code feed_cursor}, {@code feed_item_version},
 * migration V11): one transaction per page, so a crash either keeps the page or does not.
 * Thread-safe; portable SQL (update, then insert when nothing was updated: each feed has one poller).
 */
public class JdbcFeedStateStore implements FeedStateStore {

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public JdbcFeedStateStore(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Override
  public Optional<String> cursor(String channelId) {
    return jdbc.sql("SELECT next_cursor FROM feed_cursor WHERE channel_id = ?")
        .param(channelId).query(String.class).optional();
  }

  @Override
  public OptionalLong lastVersion(String channelId, String itemKey) {
    return jdbc.sql("SELECT version FROM feed_item_version WHERE channel_id = ? AND item_key = ?")
        .params(channelId, itemKey).query(Long.class).optional()
        .map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  @Override
  public void savePage(String channelId, String nextCursor, Map<String, Long> versions) {
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    transaction.executeWithoutResult(status -> {
      int updated = jdbc.sql("UPDATE feed_cursor SET next_cursor = ?, updated_at = ? WHERE channel_id = ?")
          .params(nextCursor, now, channelId).update();
      if (updated == 0) {
        jdbc.sql("INSERT INTO feed_cursor (channel_id, next_cursor, updated_at) VALUES (?, ?, ?)")
            .params(channelId, nextCursor, now).update();
      }
      versions.forEach((key, version) -> raise(channelId, key, version, now));
    });
  }

  private void raise(String channelId, String key, long version, OffsetDateTime now) {
    int updated = jdbc.sql("UPDATE feed_item_version SET version = ?, updated_at = ?"
            + " WHERE channel_id = ? AND item_key = ? AND version < ?")
        .params(version, now, channelId, key, version).update();
    if (updated == 0 && lastVersion(channelId, key).isEmpty()) {
      jdbc.sql("INSERT INTO feed_item_version (channel_id, item_key, version, updated_at) VALUES (?, ?, ?, ?)")
          .params(channelId, key, version, now).update();
    }
  }
}
