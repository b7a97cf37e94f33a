package org.caseway.gateway.partner;

import java.util.Collection;
import java.util.Optional;

/**
 * Who the partners are and, now, what their status is.
 *
 * <p>Implementations are thread-safe; a status change is visible to the next call on any thread.
 */
public interface PartnerDirectory {

  /** The partner with this id, with its current status; empty if there is none. */
  Optional<Partner> find(String partnerId);

  /** Every partner, with its current status, in registry order. */
  Collection<Partner> all();

  /** Whether {@code partnerId} names a partner that may exchange messages now. */
  default boolean isActive(String partnerId) {
    return find(partnerId).map(Partner::isActive).orElse(false);
  }
}
