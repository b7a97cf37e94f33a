package org.caseway.mappings;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.conformance.validation.ValidationIssue;
import org.caseway.conformance.validation.ValidationReport;

/**
 * A mapper whose canonical outputs are validated against the guide: an output that does not
 * conform is not passed on but becomes a {@link RecordError} naming its key and the first
 * errors (FHIRPath location and message). Other outputs (partner payloads) pass unchanged.
 * Thread-safe when the validator is (CasewayValidator is; build it once and share it).
 */
public final class ValidatingMapper implements Mapper {

  private static final int ISSUES_SHOWN = 3;

  private final Mapper mapper;
  private final CasewayValidator validator;

  public ValidatingMapper(Mapper mapper, CasewayValidator validator) {
    this.mapper = mapper;
    this.validator = validator;
  }

  @Override
  public MappingDefinition definition() {
    return mapper.definition();
  }

  @Override
  public MappingResult map(MappingInput input) {
    MappingResult result = mapper.map(input);
    List<MappingOutput> valid = new ArrayList<>();
    List<RecordError> errors = new ArrayList<>(result.errors());
    for (MappingOutput output : result.outputs()) {
      ValidationReport report = output.isCanonical() ? validator.validate(output.content()) : null;
      if (report != null && report.hasErrors()) {
        errors.add(invalid(input, output, report));
      } else {
        valid.add(output);
      }
    }
    return new MappingResult(valid, errors);
  }

  private static RecordError invalid(MappingInput input, MappingOutput output, ValidationReport report) {
    List<ValidationIssue> issues = new ArrayList<>(report.issues(ValidationIssue.Severity.FATAL));
    issues.addAll(report.issues(ValidationIssue.Severity.ERROR));
    String first = issues.stream().limit(ISSUES_SHOWN)
        .map(issue -> issue.location() + ": " + issue.message()).collect(Collectors.joining("; "));
    int line = output.lines().isEmpty() ? 0 : output.lines().get(0);
    return new RecordError(input.name(), line, output.key(), "", "the message made for " + output.key()
        + " does not conform to the Caseway profiles (" + issues.size() + " errors): " + first);
  }
}
