package org.caseway.conformance.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.CasewayValidator;

/**
 * {@code validate FILE_OR_DIR...}: validates each JSON file (directories are searched for
 * {@code *.json}) against the Caseway profiles, printing each issue with severity, FHIRPath
 * location and message, a summary per file and a total. One validator serves every file: only
 * the first file pays HAPI's start-up (several seconds).
 */
final class ValidateCommand implements Command {

  @Override
  public String name() {
    return "validate";
  }

  @Override
  public String usage() {
    return "validate FILE_OR_DIR...   validate FHIR JSON files (directories: every *.json in them) against the Caseway profiles";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty()) {
      err.println("validate needs at least one file or directory.");
      return USAGE;
    }
    List<Path> files;
    try {
      files = InputFiles.expand(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return USAGE;
    }
    long started = System.nanoTime();
    CasewayValidator validator = new CasewayValidator(ImplementationGuide.load());
    ReportPrinter printer = new ReportPrinter(out);
    for (Path file : files) {
      printer.print(file, validator.validate(read(file)));
    }
    printer.printTotal(System.nanoTime() - started);
    return printer.anyErrors() ? FAILED : OK;
  }

  /** The file as text; a byte-order mark (some partner exports have one) is not content. */
  private static String read(Path file) {
    try {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
