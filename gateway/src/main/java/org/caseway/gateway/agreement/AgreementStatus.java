package org.caseway.gateway.agreement;

/** Where an agreement version is in its life. Only {@link #ACTIVE} versions share anything. */
public enum AgreementStatus {
  /** Written, not yet signed: never applied. */
  DRAFT,
  /** Signed; shares within its validity period. */
  ACTIVE,
  /** Withdrawn by the parties: shares nothing, whatever its dates. */
  REVOKED
}
