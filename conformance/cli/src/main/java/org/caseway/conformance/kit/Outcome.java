package org.caseway.conformance.kit;

/**
 * The result of a test, or of one of its steps, in the words of a FHIR TestReport: {@code pass},
 * {@code fail}, {@code warning} (a {@code warningOnly} assert that did not hold: reported, not a
 * failure), {@code skip} and {@code error} (the test could not be carried out: the target did not
 * answer, a fixture or expression is broken).
 */
public enum Outcome {
  PASS("pass"),
  WARNING("warning"),
  SKIP("skip"),
  FAIL("fail"),
  ERROR("error");

  private final String code;

  Outcome(String code) {
    this.code = code;
  }

  /** The TestReport code ({@code pass}, {@code fail}, ...). */
  public String code() {
    return code;
  }

  /** True for {@link #FAIL} and {@link #ERROR}: the test did not pass. */
  public boolean isProblem() {
    return this == FAIL || this == ERROR;
  }
}
