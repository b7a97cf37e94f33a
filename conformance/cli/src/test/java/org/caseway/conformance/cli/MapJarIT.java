package org.caseway.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar caseway-conformance.jar map ...}, as agency IT runs it on the partners' samples. */
class MapJarIT {

  private static final Path JAR = Path.of("..", "target", "caseway-conformance.jar").toAbsolutePath().normalize();

  @TempDir
  static Path samples;

  @BeforeAll
  static void theJarIsBuilt() {
    assertThat(JAR).as("the build writes the jar before integration tests").exists();
  }

  @Test
  void thePoliceSampleMapsToThreeConformingIncidents() throws Exception {
    Path export = copy("police-rms-csv/fixtures/sample/ASB_EXPORT_20261103091500.csv");

    Result result = run("map", "--mapping", "police-rms-csv", "--input", export.toString());

    assertThat(result.exitCode).as(result.toString()).isZero();
    assertThat(result.out)
        .contains("== output 1: NP-2026-004512, lines 2, 4, 6 (application/fhir+json)")
        .contains("\"value\" : \"NP-2026-004519\"")
        .contains("\"code\" : \"OFFICIAL-SENSITIVE\"")
        .contains("Total: 3 outputs, 0 refused");
    assertThat(result.out.lines().filter(line -> line.equals("  conforms: 0 errors, 0 warnings"))).hasSize(3);
  }

  @Test
  void aPartlyBadExportPrintsItsGoodIncidentAndEachBadRowAndExitsOne() throws Exception {
    Path export = copy("police-rms-csv/fixtures/bad-rows/ASB_EXPORT_20261106093000.csv");

    Result result = run("map", "--mapping", "police-rms-csv", "--input", export.toString());

    assertThat(result.exitCode).as(result.toString()).isEqualTo(1);
    assertThat(result.out)
        .contains("== output 1: NP-2026-004800")
        .contains("REFUSED ASB_EXPORT_20261106093000.csv:4 ReportedAt: ReportedAt is not a real date and time in the format dd/MM/yyyy HH:mm (value '31/02/2026 09:00')")
        .contains("REFUSED ASB_EXPORT_20261106093000.csv:6 PNCId: PNCId does not have the shape YYYY/NNNNNNNL")
        .contains("Total: 1 outputs, 10 refused");
  }

  @Test
  void aCouncilCaseMapsWithItsEventAndABadOneNamesTheJsonPath() throws Exception {
    Path good = copy("council-asb-case/fixtures/case-updated-sample-00817/case.json");
    Result mapped = run("map", "--mapping", "council-asb-case", "--input", good.toString(),
        "--param", "event=case-updated", "--param", "received-at=2026-11-03T09:30:00+00:00");

    assertThat(mapped.exitCode).as(mapped.toString()).isZero();
    assertThat(mapped.out).contains("\"code\" : \"case-updated\"").contains("  conforms: 0 errors, 0 warnings");

    Path bad = Files.writeString(samples.resolve("bad-case.json"),
        Files.readString(good).replace("\"partyId\": 55121", "\"partyId\": \"55121\""));
    Result refused = run("map", "--mapping", "council-asb-case", "--input", bad.toString(), "--param", "event=case-updated");

    assertThat(refused.exitCode).as(refused.toString()).isEqualTo(1);
    assertThat(refused.out).contains("REFUSED bad-case.json $.parties[1].partyId: $.parties[1].partyId must be a whole number");
  }

  @Test
  void anUnknownMappingIsAUsageError() throws Exception {
    Path export = copy("police-rms-csv/fixtures/sample/ASB_EXPORT_20261103091500.csv");

    Result result = run("map", "--mapping", "police-csv", "--input", export.toString());

    assertThat(result.exitCode).isEqualTo(2);
    assertThat(result.err).contains("MAPPING_NOT_FOUND: No mapping 'police-csv'");
  }

  private static Path copy(String resource) throws IOException {
    Path file = samples.resolve(resource.substring(resource.lastIndexOf('/') + 1));
    try (InputStream in = MapJarIT.class.getResourceAsStream("/caseway-mappings/" + resource)) {
      Files.write(file, in.readAllBytes());
    }
    return file;
  }

  private static Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path stdout = Files.createTempFile("map", ".out");
    Path stderr = Files.createTempFile("map", ".err");
    Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("map did not finish in 5 minutes");
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
