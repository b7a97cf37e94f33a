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

  /**
   * Identifiers that several people share (a tenancy has tenants): a person may be linked to one,
   * but two people linked to it are not thereby one person.
   */
  public static final Set<String> SHARED = Set.of(TENANCY);

  private IdentifierSystems() {}

  /**
   * A system's short name, for people and for the review list ({@code pnc-id}, {@code nominal}):
   * at most 20 characters.
   */
  public static String shortName(String system) {
    return switch (system) {
      case PNC -> "pnc-id";
      case NHS_NUMBER -> "nhs-number";
      case CRN -> "crn";
      case TENANCY -> "tenancy";
      default -> {
        String last = system.substring(system.lastIndexOf('/') + 1);
        yield last.length() > 20 ? last.substring(0, 20) : last;
      }
    };
  }
}
