package org.caseway.gateway.fhir;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.accept.AcceptProperties;
import org.caseway.gateway.accept.StrictUtf8;
import org.caseway.gateway.accept.MessageAcceptance;
import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.GatewayException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The FHIR channel: {@code GET /fhir/metadata} and {@code POST /fhir/$process-message}.
 *
 * <p>Answers are always {@code application/fhir+json}; refusals are OperationOutcomes (see {@link
 * FhirErrorAdvice}).
 */
@RestController
@RequestMapping("/fhir")
public class FhirEndpoint {

  private final ImplementationGuide guide;
  private final MessageAcceptance acceptance;
  private final FhirResponses responses;
  private final long maxMessageBytes;

  public FhirEndpoint(
      ImplementationGuide guide,
      MessageAcceptance acceptance,
      FhirResponses responses,
      AcceptProperties limits) {
    this.guide = guide;
    this.acceptance = acceptance;
    this.responses = responses;
    this.maxMessageBytes = limits.maxMessageSize().toBytes();
  }

  /** The guide's CapabilityStatement: what this gateway supports. */
  @GetMapping("/metadata")
  public ResponseEntity<String> metadata() {
    return responses.ok(guide.capabilityStatement());
  }

  /**
   * Accepts one message bundle from the authenticated partner and answers with a response message
   * once it is on the journal.
   */
  @PostMapping(
      value = "/$process-message",
      consumes = {FhirJson.FHIR_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE})
  public ResponseEntity<String> processMessage(HttpServletRequest request, Authentication caller)
      throws IOException {
    String body = readBounded(request);
    return responses.ok(acceptance.accept(caller.getName(), body));
  }

  private String readBounded(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > maxMessageBytes) {
      throw tooLarge();
    }
    try (InputStream in = request.getInputStream()) {
      // Read one byte more than allowed: a body without Content-Length is bounded too.
      byte[] bytes = in.readNBytes(Math.toIntExact(maxMessageBytes) + 1);
      if (bytes.length > maxMessageBytes) {
        throw tooLarge();
      }
      return StrictUtf8.decode(bytes);
    }
  }

  private GatewayException tooLarge() {
    return new GatewayException(
        ErrorCode.MESSAGE_TOO_LARGE,
        "The message is larger than this gateway accepts (" + maxMessageBytes + " bytes).");
  }
}
