package org.caseway.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dispatcher, without starting a validator. */
class CasewayConformanceCliTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final CasewayConformanceCli cli = new CasewayConformanceCli(List.of(new ValidateCommand()));

  @Test
  void noCommandIsAUsageErrorListingTheCommands() {
    assertThat(run()).isEqualTo(2);
    assertThat(text(err)).contains("usage:", "validate FILE_OR_DIR...");
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    assertThat(run("publish")).isEqualTo(2);
    assertThat(text(err)).contains("Unknown command 'publish'");
  }

  @Test
  void helpGoesToStandardOutput() {
    assertThat(run("--help")).isEqualTo(0);
    assertThat(text(out)).contains("exit codes: 0 everything conforms, 1 errors found, 2 usage error");
  }

  @Test
  void validateWithoutFilesIsAUsageError() {
    assertThat(run("validate")).isEqualTo(2);
    assertThat(text(err)).contains("at least one file or directory");
  }

  @Test
  void validateAMissingFileIsAUsageErrorNamingIt() {
    assertThat(run("validate", "no/such/file.json")).isEqualTo(2);
    assertThat(text(err)).contains("No such file or directory: no/such/file.json");
  }

  private int run(String... args) {
    return cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
