package org.caseway.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar, run as a partner's IT person runs it. */
class ValidateJarIT {

  private static final Path JAR = Path.of("..", "target", "caseway-conformance.jar").toAbsolutePath().normalize();

  @TempDir
  static Path examples;

  @BeforeAll
  static void copyTheGuideExamples() throws IOException {
    assertThat(JAR).as("the build writes the jar before integration tests").exists();
    for (String file : guideIndex()) {
      if (file.startsWith("examples/")) {
        Files.write(examples.resolve(file.substring("examples/".length())), resource("caseway-ig/" + file));
      }
    }
  }

  @Test
  void everyExampleOfTheGuideConforms() throws Exception {
    Result result = run("validate", examples.toString());

    assertThat(result.exitCode).as(result.toString()).isZero();
    assertThat(result.out).contains("== " + examples.resolve("Bundle-example-incident-reported.json"));
    assertThat(result.out).contains("Total: 30 files, 0 with errors; 0 errors, 0 warnings, 0 information");
  }

  @Test
  void aBrokenFileAndAFileThatIsNotJsonExitWithOne(@TempDir Path dir) throws Exception {
    String message = Files.readString(examples.resolve("Bundle-example-risk-flag-raised.json"));
    Path broken = Files.writeString(dir.resolve("broken.json"), message.replace("9434765919", "9434765918"));
    Path csv = Files.writeString(dir.resolve("export.json"), "IncidentRef,ReportedAt\nNP-2026-004512,03/11/2026 08:40\n");
    Path good = examples.resolve("Bundle-example-referral.json");

    Result result = run("validate", broken.toString(), csv.toString(), good.toString());

    assertThat(result.exitCode).as(result.toString()).isEqualTo(1);
    assertThat(result.out)
        .contains("== " + broken)
        .contains("  ERROR Bundle.entry[1].resource.identifier[0].value: Constraint failed: cw-subject-id-nhsNumber")
        .contains("  FATAL (content): The content is not JSON")
        .contains("== " + good + "\n  conforms: 0 errors, 0 warnings, 0 information")
        .contains("Total: 3 files, 2 with errors; 2 errors, 0 warnings, 0 information");
  }

  @Test
  void aMissingFileIsAUsageError() throws Exception {
    Result result = run("validate", "no-such-file.json");

    assertThat(result.exitCode).isEqualTo(2);
    assertThat(result.err).contains("No such file or directory: no-such-file.json");
  }

  /** Measures, and prints, what a hundred messages take, start-up included; asserts no time. */
  @Test
  void validatesAHundredMessages(@TempDir Path dir) throws Exception {
    List<Path> messages;
    try (var files = Files.list(examples)) {
      messages = files.filter(f -> f.getFileName().toString().startsWith("Bundle-")).sorted().toList();
    }
    for (int i = 0; i < 100; i++) {
      Path source = messages.get(i % messages.size());
      Files.copy(source, dir.resolve(String.format("%03d-%s", i, source.getFileName())));
    }

    long started = System.nanoTime();
    Result result = run("validate", dir.toString());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(result.exitCode).as(result.toString()).isZero();
    assertThat(result.out).contains("Total: 100 files, 0 with errors");
    System.out.println("validate on 100 message files took " + took.toMillis() + " ms (whole process); "
        + result.out.lines().filter(l -> l.startsWith("Total:")).findFirst().orElse(""));
  }

  private static Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path stdout = Files.createTempFile("validate", ".out");
    Path stderr = Files.createTempFile("validate", ".err");
    Process process = new ProcessBuilder(command)
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile())
        .start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("validate did not finish in 5 minutes");
    }
    return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static List<String> guideIndex() throws IOException {
    return new String(resource("caseway-ig/index.txt"), StandardCharsets.UTF_8).lines().toList();
  }

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = ValidateJarIT.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return in.readAllBytes();
    }
  }

  private record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }
}
