package org.caseway.conformance.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.caseway.conformance.Examples;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.ValidationIssue.Severity;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CasewayValidatorTest {

  /** One validator for the class: its first validation takes seconds. */
  private static CasewayValidator validator;

  @BeforeAll
  static void buildValidator() {
    validator = new CasewayValidator(ImplementationGuide.load());
  }

  @Test
  void anEmptyConformingReportStillGivesAnOperationOutcomeWithOneIssue() {
    OperationOutcome outcome = validator.validate(Examples.text(Examples.RISK_FLAG_RAISED)).toOperationOutcome();

    assertThat(outcome.getIssue()).singleElement()
        .satisfies(issue -> assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.INFORMATION));
  }

  @Test
  void theExampleMessageConformsAsText() {
    ValidationReport report = validator.validate(Examples.text(Examples.RISK_FLAG_RAISED));

    assertThat(report.issues()).isEmpty();
    assertThat(report.hasErrors()).isFalse();
  }

  @Test
  void theExampleMessageConformsAsParsedResource() {
    ValidationReport report = validator.validate(Examples.bundle(Examples.RISK_FLAG_RAISED));

    assertThat(report.issues()).isEmpty();
  }

  @Test
  void aWrongNhsCheckDigitIsAnErrorOnTheIdentifierValue() {
    // 9434765919 is valid; changing the check digit to 8 breaks the modulus-11 check.
    String json = Examples.text(Examples.RISK_FLAG_RAISED).replace("9434765919", "9434765918");

    ValidationReport report = validator.validate(json);

    assertThat(report.hasErrors()).isTrue();
    assertThat(report.issues(Severity.ERROR))
        .singleElement()
        .satisfies(issue -> {
          assertThat(issue.location()).isEqualTo("Bundle.entry[1].resource.identifier[0].value");
          assertThat(issue.message()).contains("NHS number", "modulus-11 check digit");
        });
  }

  @Test
  void anNhsNumberOfTheWrongLengthIsAnError() {
    String json = Examples.text(Examples.RISK_FLAG_RAISED).replace("9434765919", "943476591");

    assertThat(validator.validate(json).issues(Severity.ERROR))
        .extracting(ValidationIssue::location)
        .containsExactly("Bundle.entry[1].resource.identifier[0].value");
  }

  @Test
  void aMessageWithoutMessageHeaderIsAnError() {
    Bundle bundle = Examples.bundle(Examples.RISK_FLAG_RAISED);
    bundle.getEntry().remove(0);

    ValidationReport report = validator.validate(Examples.json(bundle));

    assertThat(report.hasErrors()).isTrue();
    assertThat(report.issues(Severity.ERROR))
        .anySatisfy(issue -> assertThat(issue.message()).contains("MessageHeader"));
  }

  @Test
  void aSourceEndpointNotOfThePartnerUrnFormIsAnError() {
    Bundle bundle = Examples.bundle(Examples.RISK_FLAG_RAISED);
    ((MessageHeader) bundle.getEntryFirstRep().getResource())
        .getSource().setEndpoint("https://mh-trust.example/fhir");

    ValidationReport report = validator.validate(Examples.json(bundle));

    assertThat(report.issues(Severity.ERROR))
        .singleElement()
        .satisfies(issue -> {
          assertThat(issue.location()).isEqualTo("Bundle.entry[0].resource.source.endpoint");
          assertThat(issue.message()).contains("urn:caseway:partner:{partner-id}");
        });
  }

  @Test
  void anUnknownElementIsAnErrorNamingIt() {
    String json = Examples.text(Examples.RISK_FLAG_RAISED)
        .replace("\"gender\": \"male\"", "\"sex\": \"male\"");

    ValidationReport report = validator.validate(json);

    assertThat(report.issues(Severity.ERROR))
        .singleElement()
        .satisfies(issue -> {
          assertThat(issue.location()).isEqualTo("Bundle.entry[1].resource");
          assertThat(issue.message()).contains("'sex'");
        });
  }

  @Test
  void anEntryWithoutACasewayProfileIsAnError() {
    Bundle bundle = Examples.bundle(Examples.RISK_FLAG_RAISED);
    Patient patient = (Patient) bundle.getEntry().get(1).getResource();
    patient.getMeta().getProfile().clear();

    ValidationReport report = validator.validate(Examples.json(bundle));

    assertThat(report.issues(Severity.ERROR)).singleElement().satisfies(issue -> {
      assertThat(issue.location()).isEqualTo("Bundle.entry[1]");
      assertThat(issue.message()).contains("cw-bundle-1", "meta.profile");
    });
  }

  @Test
  void contentThatIsNotJsonIsOneFatalIssue() {
    ValidationReport report = validator.validate("IncidentRef,ReportedAt\nNP-2026-004512,03/11/2026 08:40");

    assertThat(report.issues()).singleElement()
        .satisfies(issue -> {
          assertThat(issue.severity()).isEqualTo(Severity.FATAL);
          assertThat(issue.message()).contains("not JSON");
        });
  }

  @Test
  void truncatedJsonIsOneFatalIssueNotAnException() {
    String json = Examples.text(Examples.RISK_FLAG_RAISED);

    ValidationReport report = validator.validate(json.substring(0, json.length() / 2));

    assertThat(report.issues()).singleElement()
        .satisfies(issue -> {
          assertThat(issue.severity()).isEqualTo(Severity.FATAL);
          assertThat(issue.message()).startsWith("The content is not valid JSON");
        });
  }

  @Test
  void oneValidatorServesSeveralThreadsWithoutMixingUpResults() throws Exception {
    String valid = Examples.text(Examples.RISK_FLAG_RAISED);
    String invalid = valid.replace("9434765919", "9434765918");
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String json = i % 2 == 0 ? valid : invalid;
        results.add(threads.submit(() -> validator.validate(json).hasErrors()));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get(1, TimeUnit.MINUTES)).as("result %d", i).isEqualTo(i % 2 == 1);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void theOperationOutcomeHasOneIssuePerFindingWithTheLocationAsExpression() {
    String json = Examples.text(Examples.RISK_FLAG_RAISED).replace("9434765919", "9434765918");
    ValidationReport report = validator.validate(json);

    OperationOutcome outcome = report.toOperationOutcome();

    assertThat(outcome.getIssue()).hasSize(report.issues().size());
    assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
    assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.INVALID);
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("modulus-11");
    assertThat(outcome.getIssueFirstRep().getExpression().get(0).getValue())
        .isEqualTo("Bundle.entry[1].resource.identifier[0].value");
  }
}
