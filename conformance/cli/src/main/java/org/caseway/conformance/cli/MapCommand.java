package org.caseway.conformance.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Set;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.conformance.validation.ValidationIssue;
import org.caseway.conformance.validation.ValidationIssue.Severity;
import org.caseway.conformance.validation.ValidationReport;
import org.caseway.mappings.MappingErrorCode;
import org.caseway.mappings.MappingException;
import org.caseway.mappings.MappingInput;
import org.caseway.mappings.MappingOutput;
import org.caseway.mappings.MappingResult;
import org.caseway.mappings.Mappings;
import org.caseway.mappings.RecordError;

/**
 * {@code map --mapping ID --input FILE [--mappings-dir DIR] [--param k=v]...}: runs a mapping on a
 * sample, as agency IT does while writing one. Prints each output, the validation of each
 * canonical output against the guide, and each refused record with its input line (CSV) or JSON
 * path. Exits 0 when every record mapped and every canonical output conforms, 1 when anything was
 * refused or does not conform (or the whole input was), 2 on a usage error (arguments, a missing
 * file, an unknown mapping or parameter).
 */
final class MapCommand implements Command {

  private static final Set<MappingErrorCode> USAGE_ERRORS =
      Set.of(MappingErrorCode.MAPPING_NOT_FOUND, MappingErrorCode.PARAMETER_INVALID);

  @Override
  public String name() {
    return "map";
  }

  @Override
  public String usage() {
    return "map --mapping ID --input FILE [--mappings-dir DIR] [--param KEY=VALUE]...   run a mapping on a sample; print and validate its output";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    MapArguments arguments;
    byte[] content;
    try {
      arguments = MapArguments.parse(args);
      content = Files.readAllBytes(arguments.input());
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return USAGE;
    } catch (NoSuchFileException e) {
      err.println("No such file: " + e.getFile());
      return USAGE;
    } catch (IOException e) {
      err.println("Cannot read the input: " + e.getMessage());
      return USAGE;
    }
    Mappings mappings = arguments.mappingsDir().map(Mappings::withDirectory).orElseGet(Mappings::onClasspath);
    try {
      MappingResult result = mappings.mapper(arguments.mapping()).map(new MappingInput(
          arguments.input().getFileName().toString(), content, arguments.parameters()));
      return print(result, out);
    } catch (MappingException e) {
      (USAGE_ERRORS.contains(e.code()) ? err : out).println(e.code() + ": " + e.getMessage());
      return USAGE_ERRORS.contains(e.code()) ? USAGE : FAILED;
    }
  }

  private static int print(MappingResult result, PrintStream out) {
    CasewayValidator validator = null;
    int invalid = 0;
    for (int i = 0; i < result.outputs().size(); i++) {
      MappingOutput output = result.outputs().get(i);
      out.println("== output " + (i + 1) + ": " + output.key() + lines(output) + " (" + output.mediaType() + ")");
      out.println(output.content());
      if (output.isCanonical()) {
        validator = validator == null ? new CasewayValidator(ImplementationGuide.load()) : validator;
        invalid += printValidation(validator.validate(output.content()), out) ? 0 : 1;
      }
    }
    for (RecordError error : result.errors()) {
      out.println("REFUSED " + error.describe());
    }
    out.println();
    out.println("Total: " + result.outputs().size() + " outputs" + (invalid > 0 ? ", " + invalid + " not conforming" : "")
        + ", " + result.errors().size() + " refused");
    return result.hasErrors() || invalid > 0 ? FAILED : OK;
  }

  /** Prints the report; true when it has no errors. */
  private static boolean printValidation(ValidationReport report, PrintStream out) {
    for (ValidationIssue issue : report.issues()) {
      out.println("  " + issue.severity() + " " + issue.location() + ": " + issue.message());
    }
    int errors = report.issues(Severity.FATAL).size() + report.issues(Severity.ERROR).size();
    out.println("  " + (errors == 0 ? "conforms" : "does not conform") + ": " + errors + " errors, "
        + report.issues(Severity.WARNING).size() + " warnings");
    return errors == 0;
  }

  private static String lines(MappingOutput output) {
    if (output.lines().isEmpty() || output.key().equals("line " + output.lines().get(0))) {
      return "";
    }
    return output.lines().size() == 1 ? ", line " + output.lines().get(0)
        : ", lines " + String.join(", ", output.lines().stream().map(String::valueOf).toList());
  }
}
