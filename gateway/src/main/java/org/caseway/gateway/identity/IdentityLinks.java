package org.caseway.gateway.identity;

import java.util.Collection;
import java.util.Set;

/**
 * What the identity index knows about which agency identifiers belong to one person.
 *
 * <p>The policy engine asks it whether a subject is linked to a recipient (a tenancy, the IOM
 * cohort) and for the recipient's own identifier for the person. Only confirmed links count: near
 * matches awaiting review are never returned.
 *
 * <p>Implementations are thread-safe, never return null, and do no work that waits on a partner.
 */
public interface IdentityLinks {

  /**
   * Every identifier linked, directly or through other links, to any of {@code identifiers},
   * including {@code identifiers} themselves.
   *
   * @param identifiers the identifiers a message carries for one person; may be empty
   * @return an unmodifiable set, at least {@code identifiers}
   */
  Set<AgencyIdentifier> linkedTo(Collection<AgencyIdentifier> identifiers);

  /** The index that knows no links: each person is only what the message says. */
  IdentityLinks NONE = Set::copyOf;
}
