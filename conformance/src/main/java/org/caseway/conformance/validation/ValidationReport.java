package org.caseway.conformance.validation;

import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;

/**
 * What the validator found in one piece of content: an immutable list of issues, most severe
 * first. An empty list means the content conforms.
 */
public record ValidationReport(List<ValidationIssue> issues) {

  public ValidationReport {
    issues = List.copyOf(issues);
  }

  /** True when any issue is an ERROR or FATAL: the content must be refused. */
  public boolean hasErrors() {
    return issues.stream().anyMatch(issue -> issue.severity().isError());
  }

  /** The issues of the given severity, in report order. */
  public List<ValidationIssue> issues(ValidationIssue.Severity severity) {
    return issues.stream().filter(issue -> issue.severity() == severity).toList();
  }

  /**
   * The report as a FHIR OperationOutcome, one issue per {@link ValidationIssue}, with the
   * location as {@code expression}; a new object on every call. An empty report gives one
   * informational "all OK" issue, because an OperationOutcome needs at least one.
   */
  public OperationOutcome toOperationOutcome() {
    OperationOutcome outcome = new OperationOutcome();
    for (ValidationIssue issue : issues) {
      OperationOutcomeIssueComponent component = outcome.addIssue();
      component.setSeverity(toFhir(issue.severity()));
      component.setCode(issueType(issue.severity()));
      component.setDiagnostics(issue.message());
      component.addExpression(issue.location());
    }
    if (issues.isEmpty()) {
      outcome.addIssue()
          .setSeverity(IssueSeverity.INFORMATION)
          .setCode(IssueType.INFORMATIONAL)
          .setDiagnostics("The content conforms to the Caseway profiles.");
    }
    return outcome;
  }

  private static IssueType issueType(ValidationIssue.Severity severity) {
    return switch (severity) {
      case FATAL -> IssueType.STRUCTURE; // could not be read at all
      case ERROR, WARNING -> IssueType.INVALID; // against FHIR or a Caseway profile
      case INFORMATION -> IssueType.INFORMATIONAL;
    };
  }

  private static IssueSeverity toFhir(ValidationIssue.Severity severity) {
    return switch (severity) {
      case FATAL -> IssueSeverity.FATAL;
      case ERROR -> IssueSeverity.ERROR;
      case WARNING -> IssueSeverity.WARNING;
      case INFORMATION -> IssueSeverity.INFORMATION;
    };
  }
}
