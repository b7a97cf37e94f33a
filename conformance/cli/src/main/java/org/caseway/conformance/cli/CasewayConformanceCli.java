package org.caseway.conformance.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar caseway-conformance.jar COMMAND ARGS...}: the Caseway conformance tool for
 * agency IT and conformance testers. Dispatches to one {@link Command}; the process exits with the
 * command's code (0 conforms, 1 errors found, 2 usage error).
 */
public final class CasewayConformanceCli {

  private final Map<String, Command> commands = new LinkedHashMap<>();

  CasewayConformanceCli(List<Command> commands) {
    commands.forEach(command -> this.commands.put(command.name(), command));
  }

  public static void main(String[] args) {
    CasewayConformanceCli cli = new CasewayConformanceCli(List.of(new ValidateCommand(), new MapCommand(), new TestCommand()));
    System.exit(cli.run(args, System.out, System.err));
  }

  int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      printUsage(err);
      return Command.USAGE;
    }
    if (List.of("help", "-h", "--help").contains(args[0])) {
      printUsage(out);
      return Command.OK;
    }
    Command command = commands.get(args[0]);
    if (command == null) {
      err.println("Unknown command '" + args[0] + "'.");
      printUsage(err);
      return Command.USAGE;
    }
    return command.run(Arrays.asList(args).subList(1, args.length), out, err);
  }

  private void printUsage(PrintStream stream) {
    stream.println("usage: java -jar caseway-conformance.jar COMMAND [ARGS...]");
    stream.println();
    stream.println("commands:");
    commands.values().forEach(command -> stream.println("  " + command.usage()));
    stream.println();
    stream.println("exit codes: 0 everything conforms, 1 errors found, 2 usage error");
    stream.println("            (test: 0 the requested level was reached, 1 it was not)");
  }
}
