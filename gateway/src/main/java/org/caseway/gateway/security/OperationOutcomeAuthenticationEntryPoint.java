package org.caseway.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.ErrorTranslator;
import org.caseway.gateway.fhir.FhirResponses;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a missing or unacceptable token with 401, the RFC 6750 {@code WWW-Authenticate} header
 * (from Spring's bearer entry point) and an OperationOutcome. The body never repeats the token.
 */
public class OperationOutcomeAuthenticationEntryPoint implements AuthenticationEntryPoint {

  static final String MESSAGE =
      "A valid bearer token is required: get one from the partnership's token endpoint (OAuth 2.0"
          + " client credentials) and send it as 'Authorization: Bearer <token>'. Expired tokens,"
          + " tokens for another audience and tokens without a partner claim are refused.";

  private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
  private final FhirResponses responses;

  public OperationOutcomeAuthenticationEntryPoint(FhirResponses responses) {
    this.responses = responses;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    bearer.commence(request, response, failure);
    responses.write(ErrorTranslator.translate(ErrorCode.AUTHENTICATION_REQUIRED, MESSAGE), response);
  }
}
