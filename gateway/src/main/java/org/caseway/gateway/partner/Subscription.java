package org.caseway.gateway.partner;

import java.util.Set;

/**
 * Events a partner wants to receive, and for which purposes. What it receives is what it
 * subscribes to and what an agreement allows.
 *
 * @param events event codes of {@code caseway-event} (e.g. {@code incident-reported}); {@code *}
 *     means every event
 * @param purposes purpose codes of {@code caseway-purpose} (e.g. {@code ASB})
 */
public record Subscription(Set<String> events, Set<String> purposes) {

  public Subscription {
    events = events == null ? Set.of() : Set.copyOf(events);
    purposes = purposes == null ? Set.of() : Set.copyOf(purposes);
  }

  /** Whether this subscription covers {@code event} for {@code purpose}. */
  public boolean covers(String event, String purpose) {
    return (events.contains("*") || events.contains(event)) && purposes.contains(purpose);
  }
}
