package org.caseway.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's failures: each refuses with a stable code and a message that says what to fix. */
class MappingRuntimeTest {

  private static final String HEADER = "IncidentRef,ReportedAt,IncidentType,Location,Postcode,Easting,Northing,"
      + "NominalRef,NominalRole,Surname,Forenames,DOB,Gender,PNCId,EthnicityCode,WarningMarkers,"
      + "ConsentToRefer,OfficerInCase,Narrative,Classification\r\n";
  private static final String ROW = "NP-2026-004519,03/11/2026 09:05,ASB-ENVIRONMENTAL,Mill Lane,NN71AB,,,,,,,,,,,,,,Fly-tipping.,OFFICIAL\r\n";

  private final Mapper police = Mappings.onClasspath().mapper("police-rms-csv");

  @TempDir
  Path dir;

  @Test
  void anUnknownMappingIsNotFound() {
    assertThatThrownBy(() -> Mappings.onClasspath().mapper("no-such-mapping"))
        .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo(MappingErrorCode.MAPPING_NOT_FOUND))
        .hasMessageContaining("police-rms-csv");
  }

  @Test
  void aFileWithTheWrongHeaderFailsWhole() {
    String csv = "Ref,When,Type\r\nNP-2026-004519,03/11/2026 09:05,ASB-ENVIRONMENTAL\r\n";

    assertThatThrownBy(() -> police.map(MappingInput.ofText("ASB_EXPORT_20261103091500.csv", csv, Map.of())))
        .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo(MappingErrorCode.INPUT_UNREADABLE))
        .hasMessageContaining("ASB_EXPORT_20261103091500.csv: the header line lacks the columns IncidentRef, ReportedAt");
  }

  @Test
  void aFileThatIsNotCsvFailsWhole() {
    assertThatThrownBy(() -> police.map(MappingInput.ofText("ASB_EXPORT_1.csv", "{\"changes\": []}", Map.of())))
        .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo(MappingErrorCode.INPUT_UNREADABLE));
    assertThatThrownBy(() -> police.map(MappingInput.ofText("ASB_EXPORT_2.csv", HEADER + "NP-2026-004519,\"unclosed\r\n", Map.of())))
        .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo(MappingErrorCode.INPUT_UNREADABLE))
        .hasMessageContaining("cannot be read as CSV");
  }

  @Test
  void aWindows1252FileReadAsUtf8SaysWhichParameterToSet() {
    byte[] content = (HEADER + ROW.replace("Mill Lane", "Café")).getBytes(Charset.forName("windows-1252"));

    assertThatThrownBy(() -> police.map(new MappingInput("ASB_EXPORT_3.csv", content, Map.of())))
        .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo(MappingErrorCode.INPUT_UNREADABLE))
        .hasMessageContaining("encoding=windows-1252");
    MappingResult result = police.map(new MappingInput("ASB_EXPORT_3.csv", content, Map.of("encoding", "windows-1252")));
    assertThat(result.outputs().get(0).content()).contains("Café");
  }

  @Test
  void tooManyRowsOrTooLongAFieldRefusesTheFile() {
    Mappings small = new Mappings(Optional.empty(), MappingEngines.standard(new InputLimits(1_000_000, 2, 30, 8)),
        getClass().getClassLoader());

    assertThatThrownBy(() -> small.mapper("police-rms-csv").map(MappingInput.ofText("a.csv", HEADER + ROW + ROW + ROW, Map.of())))
        .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo(MappingErrorCode.INPUT_TOO_LARGE))
        .hasMessageContaining("more than 2 rows");
    assertThatThrownBy(() -> small.mapper("police-rms-csv").map(MappingInput.ofText("b.csv",
        HEADER + ROW.replace("Fly-tipping.", "x".repeat(31)), Map.of())))
        .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo(MappingErrorCode.INPUT_TOO_LARGE))
        .hasMessageContaining("b.csv:2 Narrative");
    assertThatThrownBy(() -> small.mapper("council-asb-case").map(MappingInput.ofText("deep.json",
        "[".repeat(20) + "]".repeat(20), Map.of())))
        .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo(MappingErrorCode.INPUT_TOO_LARGE));
  }

  @Test
  void jsonThatIsNotJsonNamesLineAndColumn() {
    assertThatThrownBy(() -> Mappings.onClasspath().mapper("council-asb-case")
        .map(MappingInput.ofText("case.json", "{\n  \"caseNumber\": ASB\n}", Map.of("event", "case-opened"))))
        .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo(MappingErrorCode.INPUT_UNREADABLE))
        .hasMessageContaining("case.json is not JSON at line 2");
  }

  @Test
  void theSameFileMappedTwiceGivesTheSameIds_aLaterExportANewMessageAboutTheSamePeople() throws Exception {
    byte[] sample = getClass().getResourceAsStream(
        "/caseway-mappings/police-rms-csv/fixtures/sample/ASB_EXPORT_20261103091500.csv").readAllBytes();

    MappingResult once = police.map(new MappingInput("ASB_EXPORT_20261103091500.csv", sample, Map.of()));
    MappingResult twice = police.map(new MappingInput("ASB_EXPORT_20261103091500.csv", sample, Map.of()));
    MappingResult later = police.map(new MappingInput("ASB_EXPORT_20261103093000.csv", sample, Map.of()));

    assertThat(twice.outputs()).isEqualTo(once.outputs());
    String first = once.outputs().get(0).content();
    String again = later.outputs().get(0).content();
    assertThat(bundleId(again)).isNotEqualTo(bundleId(first));
    assertThat(again).contains(NameBasedIds.of("northshire-police/subject/N0048213"));
    assertThat(first).contains(NameBasedIds.of("northshire-police/subject/N0048213"));
  }

  @Test
  void aStylesheetWithADoctypeIsRefused() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("xxe"));
    Files.writeString(folder.resolve("mapping.yaml"), "id: xxe\nengine: xslt\noutput: xml\nstylesheet: s.xsl\n");
    Files.writeString(folder.resolve("s.xsl"), """
        <?xml version="1.0"?>
        <!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
          <xsl:template name="xsl:initial-template"><x>&secret;</x></xsl:template>
        </xsl:stylesheet>""");

    assertThatThrownBy(() -> Mappings.withDirectory(dir).mapper("xxe"))
        .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo(MappingErrorCode.MAPPING_INVALID));
  }

  @Test
  void aStylesheetWithABillionLaughsIsRefusedAtOnce() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("laughs"));
    Files.writeString(folder.resolve("mapping.yaml"), "id: laughs\nengine: xslt\noutput: xml\nstylesheet: s.xsl\n");
    StringBuilder entities = new StringBuilder("<!ENTITY a0 \"ha\">");
    for (int i = 1; i <= 10; i++) {
      entities.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
    }
    Files.writeString(folder.resolve("s.xsl"), "<?xml version=\"1.0\"?><!DOCTYPE x [" + entities + "]>"
        + "<xsl:stylesheet version=\"3.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
        + "<xsl:template name=\"xsl:initial-template\"><x>&a10;</x></xsl:template></xsl:stylesheet>");

    assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () ->
        assertThatThrownBy(() -> Mappings.withDirectory(dir).mapper("laughs"))
            .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo(MappingErrorCode.MAPPING_INVALID)));
  }

  @Test
  void aStylesheetMayNotReadFiles() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("reader"));
    Files.writeString(folder.resolve("mapping.yaml"), "id: reader\nengine: xslt\noutput: xml\nstylesheet: s.xsl\n");
    Files.writeString(folder.resolve("s.xsl"), """
        <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
          <xsl:param name="input"/>
          <xsl:template name="xsl:initial-template">
            <xsl:result-document href="out.xml"><x><xsl:value-of select="unparsed-text('file:///etc/hostname')"/></x></xsl:result-document>
          </xsl:template>
        </xsl:stylesheet>""");

    MappingResult result = Mappings.withDirectory(dir).mapper("reader").map(MappingInput.ofText("in.json", "{}", Map.of()));

    assertThat(result.outputs()).isEmpty();
    assertThat(result.errors()).singleElement().extracting(RecordError::reason).asString()
        .contains("may not read");
  }

  @Test
  void aBrokenExpressionFailsWhenTheMappingIsLoaded() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("broken"));
    Files.writeString(folder.resolve("mapping.yaml"), "id: broken\nengine: jsonata\noutput: json\nexpression: e.jsonata\n");
    Files.writeString(folder.resolve("e.jsonata"), "{'a': (1 + }");

    assertThatThrownBy(() -> Mappings.withDirectory(dir).mapper("broken"))
        .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo(MappingErrorCode.MAPPING_INVALID))
        .hasMessageContaining("e.jsonata does not compile at character");
  }

  @Test
  void aMappingFileMayNotClimbOutOfItsFolder() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("climber"));
    Files.writeString(folder.resolve("mapping.yaml"), "id: climber\nengine: jsonata\noutput: json\nexpression: ../../secret\n");

    assertThatThrownBy(() -> Mappings.withDirectory(dir).mapper("climber"))
        .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo(MappingErrorCode.MAPPING_INVALID));
  }

  @Test
  void aCouncilCaseWithoutAnEventIsRefusedWithTheParameterNamed() {
    MappingResult result = Mappings.onClasspath().mapper("council-asb-case")
        .map(MappingInput.ofText("case.json", "{}", Map.of()));

    assertThat(result.outputs()).isEmpty();
    assertThat(result.errors()).singleElement().extracting(RecordError::location).isEqualTo("$params.event");
  }

  private static String bundleId(String bundle) {
    return bundle.substring(bundle.indexOf("\"id\"") + 8, bundle.indexOf("\"id\"") + 44);
  }

  static List<String> lines(byte[] content) {
    return new String(content, StandardCharsets.UTF_8).lines().toList();
  }
}
