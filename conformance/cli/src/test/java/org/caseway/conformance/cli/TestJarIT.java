package org.caseway.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.northshire.simulators.TrustSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar caseway-conformance.jar test ...}, as a conformance tester runs it. */
class TestJarIT {

  private static final Path JAR = Path.of("..", "target", "caseway-conformance.jar").toAbsolutePath().normalize();
  private static TrustSimulator trust;

  @TempDir
  Path dir;

  @BeforeAll
  static void startTheReferenceReceiver() {
    assertThat(JAR).as("the build writes the jar before integration tests").exists();
    CasewayValidator validator = new CasewayValidator(ImplementationGuide.load());
    validator.warmUp();
    trust = TrustSimulator.start(0, validator);
  }

  @AfterAll
  static void stop() {
    trust.close();
  }

  @Test
  void theReceiverSuitePassesTheTrustAndWritesTheThreeReports() throws Exception {
    Path reports = dir.resolve("reports");

    Result result = run("test", "--suite", "receiver", "--target", trust.fhirBase(), "--report-dir", reports.toString());

    assertThat(result.exitCode).as(result.toString()).isZero();
    assertThat(result.out)
        .contains("== suite receiver against " + trust.fhirBase())
        .contains("PASS  core receiver-accepts-every-event/accepts-incident-reported")
        .contains("PASS  full receiver-repeat-recognised/says-a-repeat-was-not-processed-again")
        .contains("Level reached: full (requested full): PASSED");
    assertThat(result.err).as("the progress line, one line per test off a terminal")
        .contains("[1/18] receiver-accepts-every-event/accepts-incident-reported pass")
        .contains("[18/18] receiver-timing/answers-within-the-agreed-time pass");
    assertThat(reports.resolve("caseway-receiver-testreport.json")).content(StandardCharsets.UTF_8)
        .contains("\"resourceType\": \"TestReport\"", "conformance-kit-level-reached", "\"valueCode\": \"full\"");
    assertThat(reports.resolve("TEST-caseway-receiver.xml")).content(StandardCharsets.UTF_8)
        .contains("<property name=\"caseway.level.reached\" value=\"full\"");
    assertThat(reports.resolve("caseway-receiver-report.html")).content(StandardCharsets.UTF_8)
        .contains("data-level-reached=\"full\"");
  }

  @Test
  void theCoreLevelSkipsTheFullTests() throws Exception {
    Result result = run("test", "--suite", "receiver", "--target", trust.fhirBase(), "--level", "core",
        "--report-dir", dir.toString());

    assertThat(result.exitCode).as(result.toString()).isZero();
    assertThat(result.out)
        .contains("SKIP  full receiver-refusals-explained/refusal-says-where")
        .contains("Level reached: core (requested core): PASSED");
  }

  @Test
  void aReceiverThatIsNotThereExitsOneSayingSo() throws Exception {
    Result result = run("test", "--suite", "receiver", "--target", "http://localhost:1/fhir", "--level", "core",
        "--report-dir", dir.toString());

    assertThat(result.exitCode).as(result.toString()).isEqualTo(1);
    assertThat(result.out).contains("ERROR core receiver-timing/answers-within-the-agreed-time")
        .contains("could not connect")
        .contains("Level reached: none (requested core): NOT PASSED");
  }

  @Test
  void theSenderSuiteChecksMessageFilesAsThePartner() throws Exception {
    String message = resource("caseway-ig/examples/Bundle-example-iom-cohort-changed.json");
    Files.writeString(dir.resolve("good.json"), message);
    Files.writeString(dir.resolve("as-the-trust.json"), message.replace("northshire-probation", "northshire-mh-trust"));

    Result result = run("test", "--suite", "sender", "--target", dir.toString(), "--partner", "northshire-probation",
        "--report-dir", dir.resolve("reports").toString());

    assertThat(result.exitCode).as(result.toString()).isEqualTo(1);
    assertThat(result.out)
        .contains("PASS  core sender-as-itself/names-itself-as-the-source [good.json]")
        .contains("FAIL  core sender-as-itself/names-itself-as-the-source [as-the-trust.json]")
        .contains("found 'urn:caseway:partner:northshire-mh-trust' where 'urn:caseway:partner:northshire-probation' was expected")
        .contains("SKIP  core sender-as-itself/record-names-itself [good.json]");
  }

  @Test
  void anUnknownSuiteIsAUsageError() throws Exception {
    Result result = run("test", "--suite", "everything", "--target", trust.fhirBase());

    assertThat(result.exitCode).isEqualTo(2);
    assertThat(result.err).contains("No suite named 'everything'");
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = TestJarIT.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path stdout = Files.createTempFile("test", ".out");
    Path stderr = Files.createTempFile("test", ".err");
    Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("test did not finish in 5 minutes");
    }
    return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
  }

  private record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }
}
