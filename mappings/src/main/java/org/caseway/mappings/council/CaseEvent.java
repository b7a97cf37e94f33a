package org.caseway.mappings.council;

/** The canonical event a council case version gives rise to; {@link #code()} is the guide's event code. */
public enum CaseEvent {
  CASE_OPENED("case-opened"),
  CASE_UPDATED("case-updated"),
  CASE_CLOSED("case-closed");

  private final String code;

  CaseEvent(String code) {
    this.code = code;
  }

  /** The event code, passed to the council-asb-case mapping as the parameter {@code event}. */
  public String code() {
    return code;
  }
}
