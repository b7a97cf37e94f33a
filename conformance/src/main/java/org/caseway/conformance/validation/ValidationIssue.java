package org.caseway.conformance.validation;

import java.util.Objects;

/**
 * One finding of the validator.
 *
 * @param severity how bad it is; {@link Severity#FATAL} when the content could not be read at all
 * @param location where, as a FHIRPath such as {@code
 *     Bundle.entry[1].resource.identifier[0].value}; the resource type alone when the finding is
 *     about the whole content; never null
 * @param message what is wrong and, where the guide says, what value is expected; never null
 */
public record ValidationIssue(Severity severity, String location, String message) {

  /** Severities, most severe first; the same four as FHIR's OperationOutcome. */
  public enum Severity {
    FATAL,
    ERROR,
    WARNING,
    INFORMATION;

    /** True for {@link #FATAL} and {@link #ERROR}: the content must be refused. */
    public boolean isError() {
      return this == FATAL || this == ERROR;
    }
  }

  public ValidationIssue {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return severity + " " + location + ": " + message;
  }
}
