package org.caseway.adapters.filedrop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.caseway.mappings.RecordError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorReportTest {

  private static final String FILE = "ASB_EXPORT_20261106093000.csv";

  @TempDir
  Path dir;

  @Test
  void theReportIsNamedForTheFile() {
    assertThat(ErrorReport.nameFor(FILE)).isEqualTo("ASB_EXPORT_20261106093000.csv.errors.csv");
  }

  @Test
  void oneRowPerProblemUnderTheHeaderWithCrlfLineEndings() {
    String csv = ErrorReport.render(List.of(
        new RecordError(FILE, 3, "IncidentRef", "NP-2026-4801", "IncidentRef does not have the shape NP-YYYY-NNNNNN"),
        new RecordError(FILE, 0, "", "", "The file is set aside whole")));

    assertThat(csv).isEqualTo("file,line,column,value,reason\r\n"
        + FILE + ",3,IncidentRef,NP-2026-4801,IncidentRef does not have the shape NP-YYYY-NNNNNN\r\n"
        + FILE + ",,,,The file is set aside whole\r\n");
  }

  @Test
  void cellsWithCommasQuotesOrLineBreaksAreQuotedAndReadBackWhole() throws IOException {
    String awkward = "Said \"leave\", then\r\nleft";
    List<CSVRecord> rows = parse(ErrorReport.render(List.of(new RecordError(FILE, 7, "Narrative", awkward, "a, b"))));

    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).values()).containsExactly(FILE, "7", "Narrative", awkward, "a, b");
  }

  @ParameterizedTest
  @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"})
  void aCellThatASpreadsheetWouldRunAsAFormulaIsPrefixedWithAQuote(String formula) throws IOException {
    List<CSVRecord> rows = parse(ErrorReport.render(List.of(new RecordError(FILE, 2, "Location", formula, formula))));

    assertThat(rows.get(1).get(3)).isEqualTo("'" + formula);
    assertThat(rows.get(1).get(4)).isEqualTo("'" + formula);
  }

  @Test
  void onlyTheFirstCharacterMakesAFormula() {
    assertThat(ErrorReport.cell("a=b")).isEqualTo("a=b");
    assertThat(ErrorReport.cell("NP-2026-004800")).isEqualTo("NP-2026-004800");
    assertThat(ErrorReport.cell("")).isEmpty();
    assertThat(ErrorReport.cell(null)).isEmpty();
  }

  @Test
  void aNeutralisedCellIsStillQuotedWhenItNeedsToBe() {
    assertThat(ErrorReport.cell("=1,2")).isEqualTo("\"'=1,2\"");
  }

  @Test
  void writeCreatesTheFolderAndWritesUtf8() throws IOException {
    Path folder = dir.resolve("error");

    Path report = ErrorReport.write(folder, FILE, List.of(new RecordError(FILE, 4, "Surname", "Zoë", "bad")));

    assertThat(report).isEqualTo(folder.resolve(FILE + ".errors.csv"));
    assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains(",4,Surname,Zoë,bad\r\n");
  }

  @Test
  void writeReplacesAnEarlierReportWholeAndLeavesNoPartialFile() throws IOException {
    Path folder = dir.resolve("error");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve(FILE + ".errors.csv.partial"), "left by a crash");
    ErrorReport.write(folder, FILE, List.of(
        new RecordError(FILE, 2, "A", "", "first"), new RecordError(FILE, 3, "B", "", "second")));

    Path report = ErrorReport.write(folder, FILE, List.of(new RecordError(FILE, 9, "C", "", "third")));

    assertThat(Files.readString(report)).as("a byte-order mark, so spreadsheets read UTF-8")
        .isEqualTo("\uFEFFfile,line,column,value,reason\r\n" + FILE + ",9,C,,third\r\n");
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(path -> path.getFileName().toString())).containsExactly(FILE + ".errors.csv");
    }
  }

  private static List<CSVRecord> parse(String csv) throws IOException {
    List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    assertThat(rows.get(0).values()).containsExactly("file", "line", "column", "value", "reason");
    return rows;
  }
}
