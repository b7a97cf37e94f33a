package org.caseway.gateway.support;

import java.util.List;
import java.util.Set;
import org.caseway.gateway.identity.AgencyIdentifier;
import org.caseway.gateway.policy.Disclosure;
import org.caseway.gateway.policy.PolicyDecision;
import org.caseway.gateway.policy.Withholding;
import org.hl7.fhir.r4.model.Bundle;

/** Small policy decisions for tests of what consumes them (ledger, dispatch). */
public final class Decisions {

  public static final AgencyIdentifier CRN = new AgencyIdentifier("https://id.probation.gov.uk/crn", "X123456");
  public static final AgencyIdentifier PNC = new AgencyIdentifier("https://id.pnc.police.uk/person", "2019/0123456X");

  private Decisions() {}

  /** One disclosure under ISA-IOM v2 about {@code subject}, and one withholding of health data. */
  public static PolicyDecision discloseAndWithhold(
      String messageId, String recipient, Set<AgencyIdentifier> subject) {
    Disclosure disclosure =
        new Disclosure(
            "ISA-IOM", 2, "IOM", new Bundle(), Set.of("identity", "offending"),
            List.of("Flag.code", "Patient.identifier"), List.of(subject));
    Withholding withholding =
        new Withholding(
            "ISA-IOM", 2, "IOM", "CATEGORY_NOT_ALLOWED", "Health data is not shared for IOM",
            Set.of("health"), List.of(subject));
    return new PolicyDecision(
        messageId, "risk-flag-raised", "northshire-police", recipient, List.of(disclosure),
        List.of(withholding), List.of());
  }
}
