package org.caseway.gateway.agreement;

import java.util.Arrays;
import java.util.Optional;

/** The conditions an agreement rule may state, by their key in the document. */
public enum ConditionType {
  /** Per person: the identity index links them to an identifier of one of the systems. */
  SUBJECT_LINKED_TO("subject-linked-to", true),
  /** Per person: they have an active flag with one of the marker codes. */
  SUBJECT_HAS_MARKER("subject-has-marker", true),
  /** Per person: consent recorded (Consent provision permit) and not refused (provision deny). */
  SUBJECT_CONSENT("subject-consent", true),
  /** Per message: the case's risk level is one of the values. */
  CASE_RISK_LEVEL("case-risk-level", false),
  /** Flags of the gated categories are shared only with one of the marker codes. */
  ONLY_MARKERS("only-markers", false),
  /** The incident's location is shared only down to the given detail ({@code postcode}). */
  LOCATION_DETAIL("location-detail", false);

  private final String key;
  private final boolean aboutAPerson;

  ConditionType(String key, boolean aboutAPerson) {
    this.key = key;
    this.aboutAPerson = aboutAPerson;
  }

  /** The key that names the condition in an agreement document. */
  public String key() {
    return key;
  }

  /** Whether it is checked per person (a person who fails is left out). */
  public boolean aboutAPerson() {
    return aboutAPerson;
  }

  public static Optional<ConditionType> ofKey(String key) {
    return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
  }

  /** Every key, for error messages. */
  public static String keys() {
    return String.join(", ", Arrays.stream(values()).map(ConditionType::key).toList());
  }
}
