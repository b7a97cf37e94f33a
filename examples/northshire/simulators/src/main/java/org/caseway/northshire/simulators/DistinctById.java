package org.caseway.northshire.simulators;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a partner system has taken in: the first item seen for each id, in arrival order, as the
 * partners keep a notification, alert or message once however often it is sent. Thread-safe.
 */
final class DistinctById<T> {

  private final Map<String, T> byId = new LinkedHashMap<>();

  /** Keeps {@code item} unless an item with this id was kept before; true if it kept it. */
  synchronized boolean add(String id, T item) {
    return byId.putIfAbsent(id, item) == null;
  }

  /** A snapshot of the items kept, in arrival order. */
  synchronized List<T> items() {
    return List.copyOf(byId.values());
  }
}
