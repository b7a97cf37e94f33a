package org.caseway.gateway.security;

/** The roles a token's {@code roles} claim may carry, as the partnership's realm defines them. */
public final class Roles {

  /** A partner's system: may send and receive messages as its partner. */
  public static final String PARTNER = "partner";

  /** The partnership's data sharing manager: the admin API (partners, disclosures, explain). */
  public static final String DATA_SHARING_MANAGER = "data-sharing-manager";

  /** A conformance tester: may run the conformance kit, never send real messages. */
  public static final String CONFORMANCE_TESTER = "conformance-tester";

  private Roles() {}
}
