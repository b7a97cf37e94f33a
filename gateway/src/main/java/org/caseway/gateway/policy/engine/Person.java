package org.caseway.gateway.policy.engine;

import java.util.Set;
import org.caseway.gateway.identity.AgencyIdentifier;

/**
 * A person in a message, with what the engine's conditions ask about them.
 *
 * @param key the entry's fullUrl, which references use
 * @param identifiers the identifiers the message carries for them
 * @param roles their participant roles in the message's incident or case
 * @param markers the codes of their active flags
 * @param consent their recorded consent
 */
record Person(
    String key, Set<AgencyIdentifier> identifiers, Set<String> roles, Set<String> markers, ConsentState consent) {

  enum ConsentState {
    NONE,
    PERMIT,
    DENY
  }

  boolean hasAnyMarker(Set<String> codes) {
    return markers.stream().anyMatch(codes::contains);
  }
}
