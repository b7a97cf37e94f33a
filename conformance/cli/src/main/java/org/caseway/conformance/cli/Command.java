package org.caseway.conformance.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One subcommand of {@code caseway-conformance.jar} ({@code validate}, {@code map}, {@code test}). Implementations are stateless until {@link #run} and used once per process.
 */
interface Command {

  /** Exit code: everything conforms. */
  int OK = 0;
  /** Exit code: the input has errors. */
  int FAILED = 1;
  /** Exit code: the command was called wrongly (arguments, missing files). */
  int USAGE = 2;

  /** The word that selects the command, e.g. {@code validate}. */
  String name();

  /** One line for the usage text: arguments and what it does. */
  String usage();

  /**
   * Runs the command.
   *
   * @param args the arguments after the command name; never null
   * @param out results, for people and scripts
   * @param err usage errors and diagnostics
   * @return {@link #OK}, {@link #FAILED} or {@link #USAGE}
   */
  int run(List<String> args, PrintStream out, PrintStream err);
}
