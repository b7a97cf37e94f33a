package org.caseway.gateway.fhir;

import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.ErrorTranslator;
import org.caseway.gateway.error.GatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The HTTP edge: every refusal of a request that reached a controller becomes an
 * OperationOutcome with its error code's status, here and only here. (Refusals by the security
 * filters, which run before any controller, use the same {@link ErrorTranslator}.)
 */
@RestControllerAdvice
public class FhirErrorAdvice {

  private static final Logger log = LoggerFactory.getLogger(FhirErrorAdvice.class);

  private final FhirResponses responses;

  public FhirErrorAdvice(FhirResponses responses) {
    this.responses = responses;
  }

  @ExceptionHandler(GatewayException.class)
  ResponseEntity<String> refused(GatewayException e) {
    if (e.code() == ErrorCode.INTERNAL_ERROR) {
      log.error("Internal error", e);
    }
    return responses.refuse(ErrorTranslator.translate(e));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<String> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
    return refuse(
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        "Send the message as application/fhir+json (or application/json).");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<String> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
    return refuse(ErrorCode.METHOD_NOT_ALLOWED, "This endpoint does not support " + e.getMethod() + ".");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<String> notFound(NoResourceFoundException e) {
    return refuse(ErrorCode.NOT_FOUND, "No such endpoint.");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<String> fault(Exception e) {
    log.error("Unexpected failure", e);
    return refuse(
        ErrorCode.INTERNAL_ERROR, "The gateway failed to process the request. Try again later.");
  }

  private ResponseEntity<String> refuse(ErrorCode code, String message) {
    return responses.refuse(ErrorTranslator.translate(code, message));
  }
}
