package org.caseway.adapters.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.caseway.adapters.feed.FeedStateStore;

/** {@link FeedStateStore} in memory, remembering each saved page so that tests can see when. */
public final class InMemoryFeedStateStore implements FeedStateStore {

  /** One {@link #savePage} call. */
  public record SavedPage(String channelId, String nextCursor, Map<String, Long> versions) {}

  private final Map<String, String> cursors = new HashMap<>();
  private final Map<String, Long> versions = new HashMap<>();
  private final List<SavedPage> saved = new ArrayList<>();

  @Override
  public synchronized Optional<String> cursor(String channelId) {
    return Optional.ofNullable(cursors.get(channelId));
  }

  @Override
  public synchronized OptionalLong lastVersion(String channelId, String itemKey) {
    Long version = versions.get(channelId + "|" + itemKey);
    return version == null ? OptionalLong.empty() : OptionalLong.of(version);
  }

  @Override
  public synchronized void savePage(String channelId, String nextCursor, Map<String, Long> taken) {
    saved.add(new SavedPage(channelId, nextCursor, Map.copyOf(taken)));
    cursors.put(channelId, nextCursor);
    taken.forEach((key, version) -> versions.merge(channelId + "|" + key, version, Math::max));
  }

  public synchronized List<SavedPage> saved() {
    return List.copyOf(saved);
  }
}
