package org.caseway.gateway.channels;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.caseway.adapters.intake.Acknowledgement;
import org.caseway.adapters.intake.IntakeReceipt;
import org.caseway.adapters.intake.IntakeRefusedException;
import org.caseway.adapters.intake.IntakeUnavailableException;
import org.caseway.adapters.intake.MessageIntake;
import org.caseway.conformance.validation.ValidationIssue;
import org.caseway.gateway.accept.MessageAcceptance;
import org.caseway.gateway.error.GatewayException;
import org.caseway.gateway.error.NonconformantMessageException;
import org.caseway.gateway.fhir.FhirJson;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;

/**
 * The adapters' way into the accept path: the very route {@code $process-message} runs (sender
 * check, validation, journal, deduplication), with the partner the channel vouches for.
 *
 * <p>Refusals keep the gateway's error code; a nonconformant message's first issues (FHIRPath and
 * message) are put in the refusal's text, so that an error report row says what to fix.
 * Thread-safe.
 */
public class GatewayMessageIntake implements MessageIntake {

  private static final int ISSUES_SHOWN = 5;

  private final MessageAcceptance acceptance;
  private final FailureResponseBuilder failures;
  private final FhirJson json;

  public GatewayMessageIntake(MessageAcceptance acceptance, FailureResponseBuilder failures, FhirJson json) {
    this.acceptance = acceptance;
    this.failures = failures;
    this.json = json;
  }

  @Override
  public IntakeReceipt submit(String partnerId, String canonicalJson) {
    try {
      MessageAcceptance.Outcome outcome = acceptance.submit(partnerId, canonicalJson);
      return new IntakeReceipt(answeredId(outcome.response()), outcome.repeat());
    } catch (GatewayException refusal) {
      if (refusal.code().isTransient()) {
        throw new IntakeUnavailableException(refusal.getMessage(), refusal);
      }
      throw new IntakeRefusedException(refusal.code().name(), describe(refusal));
    }
  }

  @Override
  public Acknowledgement acknowledge(String partnerId, String canonicalJson) {
    Bundle answer;
    try {
      answer = acceptance.accept(partnerId, canonicalJson);
    } catch (GatewayException refusal) {
      answer = failures.build(canonicalJson, partnerId, refusal);
    }
    MessageHeader header = (MessageHeader) answer.getEntryFirstRep().getResource();
    return new Acknowledgement(header.getResponse().getIdentifier(), answer.getIdElement().getIdPart(),
        header.getResponse().getCode().toCode(), json.encode(answer));
  }

  /** The message id the response answers: the request's Bundle.id as the accept path read it. */
  private static String answeredId(Bundle response) {
    MessageHeader header = (MessageHeader) response.getEntryFirstRep().getResource();
    return header.getResponse().getIdentifier();
  }

  private static String describe(GatewayException refusal) {
    if (!(refusal instanceof NonconformantMessageException nonconformant)) {
      return refusal.getMessage();
    }
    List<ValidationIssue> issues = new ArrayList<>(nonconformant.report().issues(ValidationIssue.Severity.FATAL));
    issues.addAll(nonconformant.report().issues(ValidationIssue.Severity.ERROR));
    return refusal.getMessage() + " " + issues.size() + " errors: " + issues.stream().limit(ISSUES_SHOWN)
        .map(issue -> issue.location() + ": " + issue.message()).collect(Collectors.joining("; "));
  }
}
