package org.caseway.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.caseway.conformance.validation.ValidationIssue;
import org.caseway.conformance.validation.ValidationIssue.Severity;
import org.caseway.conformance.validation.ValidationReport;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorTranslatorTest {

  @ParameterizedTest
  @CsvSource({
    "MESSAGE_UNREADABLE, 400",
    "MESSAGE_TOO_LARGE, 413",
    "UNSUPPORTED_MEDIA_TYPE, 415",
    "MESSAGE_NONCONFORMANT, 422",
    "AUTHENTICATION_REQUIRED, 401",
    "SENDER_MISMATCH, 403",
    "PARTNER_NOT_ACTIVE, 403",
    "MESSAGE_ID_CONFLICT, 409",
    "JOURNAL_UNAVAILABLE, 503",
    "STORE_BUSY, 503",
    "INTERNAL_ERROR, 500"
  })
  void eachCodeHasItsHttpStatus(ErrorCode code, int status) {
    assertThat(ErrorTranslator.translate(code, "why").httpStatus()).isEqualTo(status);
  }

  @Test
  void theFirstIssueCarriesTheStableCodeAndTheMessage() {
    Refusal refusal =
        ErrorTranslator.translate(new GatewayException(ErrorCode.SENDER_MISMATCH, "send as yourself"));

    OperationOutcomeIssueComponent issue = refusal.outcome().getIssueFirstRep();
    assertThat(refusal.outcome().getIssue()).hasSize(1);
    assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
    assertThat(issue.getCode()).isEqualTo(IssueType.FORBIDDEN);
    assertThat(issue.getDetails().getCodingFirstRep().getSystem()).isEqualTo(ErrorCode.SYSTEM);
    assertThat(issue.getDetails().getCodingFirstRep().getCode()).isEqualTo("SENDER_MISMATCH");
    assertThat(issue.getDiagnostics()).isEqualTo("send as yourself");
  }

  @Test
  void aNonconformantMessageListsEveryFindingWithItsLocationAfterTheCode() {
    ValidationReport report =
        new ValidationReport(
            List.of(
                new ValidationIssue(
                    Severity.ERROR, "Bundle.entry[1].resource.identifier[0].value", "bad NHS number"),
                new ValidationIssue(Severity.WARNING, "Bundle.entry[2].resource", "odd flag")));

    Refusal refusal = ErrorTranslator.translate(new NonconformantMessageException(report));

    List<OperationOutcomeIssueComponent> issues = refusal.outcome().getIssue();
    assertThat(refusal.httpStatus()).isEqualTo(422);
    assertThat(issues).hasSize(3);
    assertThat(issues.get(0).getDetails().getCodingFirstRep().getCode()).isEqualTo("MESSAGE_NONCONFORMANT");
    assertThat(issues.get(1).getExpression().get(0).getValue())
        .isEqualTo("Bundle.entry[1].resource.identifier[0].value");
    assertThat(issues.get(1).getDiagnostics()).isEqualTo("bad NHS number");
    assertThat(issues.get(2).getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.WARNING);
  }

  @Test
  void transientCodesTellThePartnerToRetry() {
    assertThat(ErrorCode.JOURNAL_UNAVAILABLE.isTransient()).isTrue();
    assertThat(ErrorCode.STORE_BUSY.isTransient()).isTrue();
    assertThat(ErrorCode.MESSAGE_NONCONFORMANT.isTransient()).isFalse();
  }
}
