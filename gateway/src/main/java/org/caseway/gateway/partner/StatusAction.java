package org.caseway.gateway.partner;

import java.util.Set;

/**
 * What the data sharing manager may do to a partner's status, and from which statuses.
 *
 * <p>Withdrawn is final: no action leaves it.
 */
public enum StatusAction {
  /** Switches an onboarding partner on; it must have passed the core conformance suite. */
  ACTIVATE(PartnerStatus.ACTIVE, Set.of(PartnerStatus.ONBOARDING)),
  SUSPEND(PartnerStatus.SUSPENDED, Set.of(PartnerStatus.ACTIVE, PartnerStatus.ONBOARDING)),
  REINSTATE(PartnerStatus.ACTIVE, Set.of(PartnerStatus.SUSPENDED)),
  WITHDRAW(
      PartnerStatus.WITHDRAWN,
      Set.of(PartnerStatus.ACTIVE, PartnerStatus.ONBOARDING, PartnerStatus.SUSPENDED));

  private final PartnerStatus target;
  private final Set<PartnerStatus> allowedFrom;

  StatusAction(PartnerStatus target, Set<PartnerStatus> allowedFrom) {
    this.target = target;
    this.allowedFrom = allowedFrom;
  }

  public PartnerStatus target() {
    return target;
  }

  public boolean allowedFrom(PartnerStatus current) {
    return allowedFrom.contains(current);
  }
}
