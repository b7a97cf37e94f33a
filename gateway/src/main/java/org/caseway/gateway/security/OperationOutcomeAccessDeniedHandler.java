package org.caseway.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.ErrorTranslator;
import org.caseway.gateway.fhir.FhirResponses;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Answers an authenticated call that its token does not allow with 403 and an OperationOutcome. */
public class OperationOutcomeAccessDeniedHandler implements AccessDeniedHandler {

  private final FhirResponses responses;

  public OperationOutcomeAccessDeniedHandler(FhirResponses responses) {
    this.responses = responses;
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    responses.write(
        ErrorTranslator.translate(ErrorCode.ACCESS_DENIED, "This token does not allow this call."),
        response);
  }
}
