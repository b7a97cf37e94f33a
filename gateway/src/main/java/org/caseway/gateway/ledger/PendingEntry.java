package org.caseway.gateway.ledger;

import java.util.Set;
import org.caseway.gateway.identity.AgencyIdentifier;

/**
 * An entry about to be appended, with every identifier of the people it concerns (for subject
 * access).
 */
public record PendingEntry(LedgerEntry entry, Set<AgencyIdentifier> subjectIdentifiers) {

  public PendingEntry {
    subjectIdentifiers = Set.copyOf(subjectIdentifiers);
  }
}
