package org.caseway.gateway.accept;

import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.conformance.validation.ValidationReport;
import org.caseway.gateway.error.NonconformantMessageException;

/**
 * Step 3 of the accept route: the message must conform to the implementation guide. Warnings pass;
 * any error refuses the message with every issue found.
 */
public class GuideValidation {

  private final CasewayValidator validator;

  public GuideValidation(CasewayValidator validator) {
    this.validator = validator;
  }

  /**
   * Validates the text as received, so unknown elements are reported rather than dropped.
   *
   * @throws NonconformantMessageException if the report has an error or fatal issue
   */
  public void validate(IncomingMessage message) {
    ValidationReport report = validator.validate(message.json());
    if (report.hasErrors()) {
      throw new NonconformantMessageException(report);
    }
  }
}
