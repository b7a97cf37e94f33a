package org.caseway.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new partner is a folder of files in the mappings directory: no Java, no rebuild. */
class NewPartnerMappingTest {

  @TempDir
  Path mappingsDir;

  @Test
  void aJsonataMappingWrittenAsFilesRuns() throws Exception {
    Path folder = Files.createDirectories(mappingsDir.resolve("acme-charity-referral"));
    Files.writeString(folder.resolve("mapping.yaml"), """
        id: acme-charity-referral
        description: Acme charity's referral JSON to a simple summary
        engine: jsonata
        output: json
        expression: summary.jsonata
        parameters:
          partner-id: acme-charity
        """);
    Files.writeString(folder.resolve("summary.jsonata"), """
        people.{
          'id': $uuid($params.'partner-id' & '/person/' & ref),
          'name': $uppercase(surname) & ', ' & forename,
          'postcode': $postcode(postcode),
          'from': $source
        }
        """);
    String referral = """
        {"people": [
          {"ref": "A-1", "surname": "Okafor", "forename": "Ruth", "postcode": "nn74qt"},
          {"ref": "A-2", "surname": "Hart", "forename": "Ann", "postcode": "NN7  1AB"}
        ]}""";

    MappingResult result = Mappings.withDirectory(mappingsDir).mapper("acme-charity-referral")
        .map(MappingInput.ofText("referral-17.json", referral, Map.of()));

    assertThat(result.errors()).isEmpty();
    assertThat(result.outputs()).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(result.outputs().get(0).content());
    assertThat(first.path("id").asText()).isEqualTo(NameBasedIds.of("acme-charity/person/A-1"));
    assertThat(first.path("name").asText()).isEqualTo("OKAFOR, Ruth");
    assertThat(first.path("postcode").asText()).isEqualTo("NN7 4QT");
    assertThat(first.path("from").asText()).isEqualTo("referral-17.json");
    assertThat(new ObjectMapper().readTree(result.outputs().get(1).content()).path("postcode").asText())
        .isEqualTo("NN7 1AB");
  }

  @Test
  void aCsvMappingWrittenAsFilesReportsItsBadRows() throws Exception {
    Path folder = Files.createDirectories(mappingsDir.resolve("acme-visits"));
    Files.writeString(folder.resolve("mapping.yaml"), """
        id: acme-visits
        engine: csv
        output: json
        columns: columns.yaml
        """);
    Files.writeString(folder.resolve("columns.yaml"), """
        columns:
          - name: VisitDate
            required: true
            type: date
            format: dd/MM/yyyy
          - name: NhsNumber
            check: nhs-number
        """);
    String csv = "Notes,NhsNumber,VisitDate\r\nfine,9434765919,01/11/2026\r\nbad,9434765918,31/02/2026\r\n";

    MappingResult result = Mappings.withDirectory(mappingsDir).mapper("acme-visits")
        .map(MappingInput.ofText("visits.csv", csv, Map.of()));

    assertThat(result.outputs()).hasSize(1);
    assertThat(result.outputs().get(0).content()).contains("\"VisitDate\" : \"2026-11-01\"").doesNotContain("Notes");
    assertThat(result.errors()).extracting(RecordError::describe).containsExactly(
        "visits.csv:3 VisitDate: VisitDate is not a real date in the format dd/MM/yyyy (value '31/02/2026')",
        "visits.csv:3 NhsNumber: NhsNumber is not a valid NHS number (10 digits, modulus 11 check digit) (value '9434765918')");
  }

  @Test
  void aFolderInTheDirectoryWinsOverTheShippedMappingOfTheSameId() throws Exception {
    Path folder = Files.createDirectories(mappingsDir.resolve("canonical"));
    Files.writeString(folder.resolve("mapping.yaml"), "id: canonical\nengine: jsonata\noutput: json\nexpression: e.jsonata\n");
    Files.writeString(folder.resolve("e.jsonata"), "{'overridden': true}");

    MappingResult result = Mappings.withDirectory(mappingsDir).mapper("canonical")
        .map(MappingInput.ofText("x.json", "{}", Map.of()));

    assertThat(result.outputs().get(0).content()).contains("overridden");
    assertThat(Mappings.withDirectory(mappingsDir).ids()).contains("canonical", "police-rms-csv");
  }
}
