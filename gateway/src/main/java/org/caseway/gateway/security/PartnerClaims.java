package org.caseway.gateway.security;

/** The claims Caseway reads from (and, as local issuer, writes into) access tokens. */
public final class PartnerClaims {

  /** The partner id the token was issued to; the only identity the gateway acts on. */
  public static final String PARTNER = "partner";

  /** The partner's roles in the partnership, as a list of strings. */
  public static final String ROLES = "roles";

  private PartnerClaims() {}
}
