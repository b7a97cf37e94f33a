package org.caseway.gateway.partner;

/** Where a partner is in its life with the partnership. Only {@link #ACTIVE} partners exchange. */
public enum PartnerStatus {
  ONBOARDING,
  ACTIVE,
  SUSPENDED,
  WITHDRAWN
}
