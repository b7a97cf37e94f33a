package org.caseway.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The map command on partner payload mappings (no validator needed, so fast). */
class MapCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final CasewayConformanceCli cli = new CasewayConformanceCli(List.of(new ValidateCommand(), new MapCommand()));

  @TempDir
  Path dir;

  @Test
  void aGoodTenancyRollPrintsOneEntryPerTenantAndExitsZero() throws IOException {
    Path roll = copy("housing-tenancy-roll/fixtures/sample/TENANCY_ROLL_20261103.csv");

    assertThat(run("map", "--mapping", "housing-tenancy-roll", "--input", roll.toString())).isZero();
    assertThat(text(out))
        .contains("== output 1: line 2 (application/json)")
        .contains("\"tenancyRef\" : \"T104233\"")
        .contains("\"postcode\" : \"NN7 4QT\"")
        .contains("Total: 4 outputs, 0 refused");
  }

  @Test
  void badRowsArePrintedWithTheirLineAndColumnAndExitOne() throws IOException {
    Path roll = copy("housing-tenancy-roll/fixtures/bad-rows/TENANCY_ROLL_20261104.csv");

    assertThat(run("map", "--mapping", "housing-tenancy-roll", "--input", roll.toString())).isEqualTo(1);
    assertThat(text(out))
        .contains("REFUSED TENANCY_ROLL_20261104.csv:3 TenancyRef: TenancyRef does not have the shape T + 6 digits")
        .contains("REFUSED TENANCY_ROLL_20261104.csv:4 DateOfBirth:")
        .contains("Total: 1 outputs, 5 refused");
  }

  @Test
  void aFileWithTheWrongHeaderIsRefusedWhole() throws IOException {
    Path wrong = Files.writeString(dir.resolve("TENANCY_ROLL_20261105.csv"), "Ref,Name\nT1,Bob\n");

    assertThat(run("map", "--mapping", "housing-tenancy-roll", "--input", wrong.toString())).isEqualTo(1);
    assertThat(text(out)).contains("INPUT_UNREADABLE: TENANCY_ROLL_20261105.csv: the header line lacks the columns TenancyRef");
  }

  @Test
  void aMappingInADirectoryRunsWithParameters() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("mappings").resolve("acme-hello"));
    Files.writeString(folder.resolve("mapping.yaml"), "id: acme-hello\nengine: jsonata\noutput: json\nexpression: e.jsonata\n");
    Files.writeString(folder.resolve("e.jsonata"), "{'hello': name, 'from': $params.agency}");
    Path input = Files.writeString(dir.resolve("in.json"), "{\"name\": \"Zoë\"}");

    assertThat(run("map", "--mapping", "acme-hello", "--input", input.toString(),
        "--mappings-dir", dir.resolve("mappings").toString(), "--param", "agency=Acme")).isZero();
    assertThat(text(out)).contains("\"hello\" : \"Zoë\"").contains("\"from\" : \"Acme\"");
  }

  @Test
  void usageErrorsExitTwo() throws IOException {
    assertThat(run("map", "--mapping", "housing-tenancy-roll")).isEqualTo(2);
    assertThat(text(err)).contains("map needs --mapping ID and --input FILE");
    assertThat(run("map", "--mapping", "housing-tenancy-roll", "--input", "no/such.csv")).isEqualTo(2);
    assertThat(text(err)).contains("No such file: no/such.csv");
    Path input = Files.writeString(dir.resolve("x.csv"), "a\n");
    assertThat(run("map", "--mapping", "no-such-mapping", "--input", input.toString())).isEqualTo(2);
    assertThat(text(err)).contains("MAPPING_NOT_FOUND: No mapping 'no-such-mapping'");
    assertThat(run("map", "--mapping", "housing-tenancy-roll", "--input", input.toString(), "--param", "oops")).isEqualTo(2);
    assertThat(text(err)).contains("--param takes KEY=VALUE");
  }

  @Test
  void theUsageListsMap() {
    assertThat(run("--help")).isZero();
    assertThat(text(out)).contains("map --mapping ID --input FILE");
  }

  private Path copy(String resource) throws IOException {
    Path file = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
    try (var in = getClass().getResourceAsStream("/caseway-mappings/" + resource)) {
      Files.write(file, in.readAllBytes());
    }
    return file;
  }

  private int run(String... args) {
    return cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
