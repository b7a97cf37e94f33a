package org.caseway.gateway.error;

import java.util.Objects;
import org.caseway.conformance.validation.ValidationReport;

/**
 * A message that breaks the implementation guide, with the validator's report: every issue goes
 * back to the sender, with its location, so one round trip shows everything to fix.
 */
public class NonconformantMessageException extends GatewayException {

  private final transient ValidationReport report;

  public NonconformantMessageException(ValidationReport report) {
    super(
        ErrorCode.MESSAGE_NONCONFORMANT,
        "The message does not conform to the Caseway implementation guide; the issues that follow"
            + " say where and why. Nothing was accepted.");
    this.report = Objects.requireNonNull(report, "report");
  }

  public ValidationReport report() {
    return report;
  }
}
