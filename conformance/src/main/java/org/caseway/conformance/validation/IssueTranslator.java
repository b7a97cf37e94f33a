package org.caseway.conformance.validation;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.caseway.conformance.validation.ValidationIssue.Severity;

/**
 * Turns HAPI's validation messages into Caseway issues: clean FHIRPath locations, no chatter about
 * the terminology server that is deliberately absent, no duplicates, most severe first.
 */
final class IssueTranslator {

  /** HAPI annotates locations with the resource id, e.g. {@code resource/*Patient/p1*}{@code /}. */
  private static final Pattern LOCATION_COMMENT = Pattern.compile("/\\*.*?\\*/");

  List<ValidationIssue> translate(List<SingleValidationMessage> messages) {
    Set<ValidationIssue> issues = new LinkedHashSet<>();
    for (SingleValidationMessage message : messages) {
      if (!IssueNoise.isNoise(message)) {
        issues.add(new ValidationIssue(
            severity(message.getSeverity()), location(message), withHint(message.getMessage())));
      }
    }
    return issues.stream().sorted(Comparator.comparing(ValidationIssue::severity)).toList();
  }

  /** HAPI's wording for a prohibited element says what, not what to do about it. */
  private static String withHint(String message) {
    if (message != null && message.contains(": max allowed = 0, but found")) {
      return message + ". Caseway does not use this element: leave it out.";
    }
    return message == null ? "" : message;
  }

  private static String location(SingleValidationMessage message) {
    String location = message.getLocationString();
    if (location == null || location.isBlank()) {
      return "(content)";
    }
    return LOCATION_COMMENT.matcher(location).replaceAll("");
  }

  private static Severity severity(ResultSeverityEnum severity) {
    return switch (severity) {
      case FATAL -> Severity.FATAL;
      case ERROR -> Severity.ERROR;
      case WARNING -> Severity.WARNING;
      case INFORMATION -> Severity.INFORMATION;
    };
  }
}
