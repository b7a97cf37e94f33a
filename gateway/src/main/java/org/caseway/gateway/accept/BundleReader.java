package org.caseway.gateway.accept;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.util.List;
import org.caseway.conformance.MessageEnvelope;
import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.conformance.validation.ValidationIssue;
import org.caseway.conformance.validation.ValidationReport;
import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.GatewayException;
import org.caseway.gateway.error.NonconformantMessageException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Step 1 of the accept route: reads the partner's text as a FHIR Bundle and its routing facts.
 *
 * <p>JSON that breaks a structural limit ({@link JsonShapeCheck}) is refused first, unparsed. Text
 * that is not a FHIR JSON Bundle is refused as {@link ErrorCode#MESSAGE_UNREADABLE}. A
 * Bundle whose routing facts cannot be read (not a message, no MessageHeader, a malformed source)
 * breaks the guide: it is refused as nonconformant with the validator's full report, so that the
 * partner sees everything to fix at once.
 */
public class BundleReader {

  private final FhirContext fhirContext;
  private final CasewayValidator validator;
  private final JsonShapeCheck shape;

  public BundleReader(FhirContext fhirContext, CasewayValidator validator, JsonShapeCheck shape) {
    this.fhirContext = fhirContext;
    this.validator = validator;
    this.shape = shape;
  }

  public IncomingMessage read(String json) {
    if (json == null) {
      // A Kafka record without a value (a tombstone) arrives as no body at all.
      throw new GatewayException(
          ErrorCode.MESSAGE_UNREADABLE, "The message has no body: send a FHIR message Bundle in JSON.");
    }
    shape.check(json);
    Bundle bundle = parseBundle(json);
    return new IncomingMessage(json, bundle, readEnvelope(json, bundle));
  }

  private Bundle parseBundle(String json) {
    IBaseResource resource;
    try {
      resource = lenientParser().parseResource(json);
    } catch (DataFormatException | IllegalArgumentException e) {
      throw new GatewayException(
          ErrorCode.MESSAGE_UNREADABLE,
          "The body is not a FHIR resource in JSON: " + e.getMessage(),
          e);
    } catch (RuntimeException parserFault) {
      // HAPI's parser has thrown index and null-pointer exceptions on some malformed input; the
      // partner's message is still unreadable, not the gateway's failure.
      throw new GatewayException(
          ErrorCode.MESSAGE_UNREADABLE,
          "The body could not be read as a FHIR JSON resource (the parser stopped with "
              + parserFault.getClass().getSimpleName() + "): check it against the FHIR JSON format.",
          parserFault);
    }
    if (!(resource instanceof Bundle bundle)) {
      throw new GatewayException(
          ErrorCode.MESSAGE_UNREADABLE,
          "The body is a FHIR " + resource.fhirType() + ", not a Bundle: send a message Bundle.");
    }
    return bundle;
  }

  private MessageEnvelope readEnvelope(String json, Bundle bundle) {
    try {
      return MessageEnvelope.of(bundle);
    } catch (IllegalArgumentException notAMessage) {
      ValidationReport report = validator.validate(json);
      throw new NonconformantMessageException(
          report.hasErrors() ? report : envelopeOnly(notAMessage.getMessage()));
    }
  }

  private static ValidationReport envelopeOnly(String message) {
    return new ValidationReport(
        List.of(new ValidationIssue(ValidationIssue.Severity.ERROR, "Bundle", message)));
  }

  private IParser lenientParser() {
    // Lenient: element-level problems are the validator's to report (with locations), not the
    // parser's to throw. Not logging: the parser's messages would quote the partner's values.
    return fhirContext.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
  }
}
