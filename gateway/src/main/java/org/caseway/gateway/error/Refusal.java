package org.caseway.gateway.error;

import org.hl7.fhir.r4.model.OperationOutcome;

/** A refusal ready to send: its code (which gives the HTTP status) and the OperationOutcome body. */
public record Refusal(ErrorCode code, OperationOutcome outcome) {

  public int httpStatus() {
    return code.httpStatus();
  }
}
