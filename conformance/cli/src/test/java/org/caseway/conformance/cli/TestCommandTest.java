package org.caseway.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test command's usage errors, without sending anything. */
class TestCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final CasewayConformanceCli cli = new CasewayConformanceCli(List.of(new TestCommand(false)));

  @Test
  void theUsageListsTestAndTheSuites() {
    assertThat(run("--help")).isZero();
    assertThat(text(out)).contains("test --suite SUITE --target URL|FILE|DIR", "(gateway, receiver, sender)");
  }

  @Test
  void suiteAndTargetAreNeeded() {
    assertThat(run("test", "--suite", "receiver")).isEqualTo(2);
    assertThat(text(err)).contains("test needs --suite SUITE and --target URL|FILE|DIR.");
  }

  @Test
  void anUnknownSuiteNamesTheKnownOnes() {
    assertThat(run("test", "--suite", "recevier", "--target", "http://localhost:1/fhir")).isEqualTo(2);
    assertThat(text(err)).contains("No suite named 'recevier'; the kit's suites are gateway, receiver, sender");
  }

  @Test
  void anUnknownLevelOrOptionIsAUsageError() {
    assertThat(run("test", "--suite", "receiver", "--target", "x", "--level", "gold")).isEqualTo(2);
    assertThat(text(err)).contains("Unknown conformance level 'gold'; the levels are core, full");
    assertThat(run("test", "--suite", "receiver", "--target", "x", "--verbose", "yes")).isEqualTo(2);
    assertThat(text(err)).contains("Unknown option '--verbose'.");
    assertThat(run("test", "--suite", "receiver", "--target", "x", "--var", "oops")).isEqualTo(2);
    assertThat(text(err)).contains("--var takes NAME=VALUE, not 'oops'.");
  }

  @Test
  void aTargetTheSuiteCannotUseIsAUsageError() {
    assertThat(run("test", "--suite", "receiver", "--target", "some/folder")).isEqualTo(2);
    assertThat(text(err)).contains("This suite talks to a FHIR endpoint: give --target its base URL");
    assertThat(run("test", "--suite", "sender", "--target", "http://localhost:1/fhir")).isEqualTo(2);
    assertThat(text(err)).contains("This suite checks messages a partner produced: give --target a file, a folder or kafka://");
    assertThat(run("test", "--suite", "sender", "--target", "no/such/folder")).isEqualTo(2);
    assertThat(text(err)).contains("No such file or folder of messages: no/such/folder");
  }

  private int run(String... args) {
    return cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
