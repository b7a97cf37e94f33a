package org.caseway.gateway.policy.engine;

import org.caseway.conformance.ImplementationGuide;

/** URLs of the guide the engine reads. */
final class Canonical {

  static final String BASE = ImplementationGuide.CANONICAL_BASE;
  static final String PARTICIPANT = BASE + "/StructureDefinition/caseway-participant";
  static final String RISK_LEVEL = BASE + "/StructureDefinition/caseway-risk-level";
  static final String PARTICIPANT_ROLES = BASE + "/CodeSystem/caseway-participant-role";
  static final String PARTNER_ENDPOINT = "urn:caseway:partner:";

  /** Caseway's per-recipient pseudonym for a person (the guide's {@code casewaySubject} slice). */
  static final String SUBJECT_PSEUDONYM_SYSTEM = "https://caseway.example/id/subject";

  private Canonical() {}
}
