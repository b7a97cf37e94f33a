package org.caseway.gateway.error;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;

/**
 * The one place where a refusal becomes an OperationOutcome.
 *
 * <p>Shape, which partners may rely on: {@code issue[0]} carries the stable error code as {@code
 * details.coding[0]} (system {@link ErrorCode#SYSTEM}) and the message as {@code diagnostics}; for
 * {@link ErrorCode#MESSAGE_NONCONFORMANT} every validation finding follows as its own issue, its
 * location in {@code expression[0]}.
 */
public final class ErrorTranslator {

  private ErrorTranslator() {}

  public static Refusal translate(GatewayException e) {
    OperationOutcome outcome = outcome(e.code(), e.getMessage());
    if (e instanceof NonconformantMessageException nonconformant) {
      outcome.getIssue().addAll(nonconformant.report().toOperationOutcome().getIssue());
    }
    return new Refusal(e.code(), outcome);
  }

  public static Refusal translate(ErrorCode code, String message) {
    return new Refusal(code, outcome(code, message));
  }

  private static OperationOutcome outcome(ErrorCode code, String message) {
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(IssueSeverity.ERROR)
        .setCode(code.issueType())
        .setDetails(new CodeableConcept().addCoding(new Coding(ErrorCode.SYSTEM, code.name(), null)))
        .setDiagnostics(message);
    return outcome;
  }
}
