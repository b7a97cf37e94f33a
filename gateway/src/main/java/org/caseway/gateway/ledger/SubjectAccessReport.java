package org.caseway.gateway.ledger;

import java.util.List;
import java.util.Set;
import org.caseway.gateway.identity.AgencyIdentifier;

/**
 * What the record holds about one person.
 *
 * @param identifiers every identifier searched: the one asked for and those linked to it
 * @param entries every entry naming any of them, in the order recorded
 */
public record SubjectAccessReport(Set<AgencyIdentifier> identifiers, List<ChainedEntry> entries) {}
