package org.caseway.gateway.partner;

import java.util.Objects;

/**
 * A partner of the partnership, as the registry file lists it.
 *
 * @param id the partner id (as in {@code urn:caseway:partner:{id}} and the token's partner claim)
 * @param name the agency's name, for people; never used for decisions
 * @param status whether it may exchange messages now
 */
public record Partner(String id, String name, PartnerStatus status) {

  public Partner {
    Objects.requireNonNull(id, "partner id");
    Objects.requireNonNull(status, "status of partner " + id);
  }

  public boolean isActive() {
    return status == PartnerStatus.ACTIVE;
  }
}
