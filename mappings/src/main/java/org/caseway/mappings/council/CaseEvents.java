package org.caseway.mappings.council;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which event a council case version gives rise to (council-asb-api.md, partnership README):
 * a version already seen gives nothing (the feed repeats versions); status {@code CLOSED} gives
 * case-closed; the first version seen gives case-opened; a later version gives case-updated.
 * What was seen is the adapter's durable state, not the mapping's: this is a pure function.
 */
public final class CaseEvents {

  private CaseEvents() {}

  /**
   * Decides the event.
   *
   * @param status the case's {@code status} ({@code OPEN}, {@code ON_HOLD}, {@code CLOSED})
   * @param version the case's {@code version}
   * @param lastSeenVersion the highest version of this case already taken in, if any
   * @return the event, or empty when this version (or a later one) was already taken in
   */
  public static Optional<CaseEvent> decide(String status, long version, OptionalLong lastSeenVersion) {
    if (lastSeenVersion.isPresent() && version <= lastSeenVersion.getAsLong()) {
      return Optional.empty();
    }
    if ("CLOSED".equals(status)) {
      return Optional.of(CaseEvent.CASE_CLOSED);
    }
    return Optional.of(lastSeenVersion.isEmpty() ? CaseEvent.CASE_OPENED : CaseEvent.CASE_UPDATED);
  }
}
