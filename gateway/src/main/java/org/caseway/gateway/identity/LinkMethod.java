package org.caseway.gateway.identity;

/** How a link between two identifiers was made. */
public enum LinkMethod {
  /** Two strong identifiers (PNC id, NHS number, CRN) on one Patient of an accepted message. */
  STRONG_IDENTIFIERS,
  /** A partner's own identifier beside a strong identifier on one Patient of an accepted message. */
  SAME_PATIENT_RECORD,
  /** Exact normalised name, date of birth and postcode (a message's Patient, the tenancy roll). */
  NAME_DOB_POSTCODE,
  /** A near match a person confirmed on the review list. */
  REVIEW_CONFIRMED
}
