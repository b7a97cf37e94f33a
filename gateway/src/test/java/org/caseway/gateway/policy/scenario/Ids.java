package org.caseway.gateway.policy.scenario;

/** The identifier systems and the people of the guide's examples, by the names scenarios use. */
final class Ids {

  static final String NOMINAL = "https://id.northshire.police.uk/nominal";
  static final String PNC = "https://id.pnc.police.uk/person";
  static final String COUNCIL_PARTY = "https://id.northshire.gov.uk/asb-party";
  static final String TENANCY = "https://id.northshirehomes.org.uk/tenancy";
  static final String CRN = "https://id.probation.gov.uk/crn";
  static final String NHS = "https://fhir.nhs.uk/Id/nhs-number";

  /** incident-reported: the suspect (PNC 2013/0456789K, ethnicity W1, markers VI and MH). */
  static final String SUSPECT = "N0048213";
  /** incident-reported: the victim (consent permit, no markers). */
  static final String VICTIM = "N0051120";
  /** incident-reported: the witness (ethnicity B1). */
  static final String WITNESS = "N0051121";
  /** case-updated and case-closed: the perpetrator (MENTAL_HEALTH marker, address and phone). */
  static final String PERPETRATOR = "55120";
  /** case-updated: the victim (address). */
  static final String CASE_VICTIM = "55121";
  /** case-opened: the perpetrator (SUBSTANCE_MISUSE marker). */
  static final String OPENED_PERPETRATOR = "60233";

  static final String POLICE = "northshire-police";
  static final String COUNCIL = "northshire-council";
  static final String HOUSING = "northshire-housing";
  static final String PROBATION = "northshire-probation";
  static final String MH_TRUST = "northshire-mh-trust";

  private Ids() {}

  static String id(String system, String value) {
    return system + "|" + value;
  }
}
