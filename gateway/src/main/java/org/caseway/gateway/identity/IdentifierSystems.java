package org.caseway.gateway.identity;

import java.util.Set;

/** The identifier systems the index treats specially (the partnership README's table). */
public final class IdentifierSystems {

  public static final String PNC = "https://id.pnc.police.uk/person";
  public static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
  public static final String CRN = "https://id.probation.gov.uk/crn";
  public static final String TENANCY = "https://id.northshirehomes.org.uk/tenancy";

  /** National identifiers issued to one person only: seen together, they are the same person. */
  public static final Set<String> STRONG = Set.of(PNC, NHS_NUMBER, CRN);

  private IdentifierSystems() {}
}
