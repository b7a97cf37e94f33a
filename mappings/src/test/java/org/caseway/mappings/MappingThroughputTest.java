package org.caseway.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Measures, and prints, rough mapping throughput; asserts only that the work was done, never a time. */
class MappingThroughputTest {

  private final Mappings mappings = Mappings.onClasspath();

  @Test
  void policeExportRowsPerSecond() throws IOException {
    String sample = resource("/caseway-mappings/police-rms-csv/fixtures/sample/ASB_EXPORT_20261103091500.csv");
    String[] parts = sample.split("\r\n", 2);
    String firstIncident = parts[1].substring(0, parts[1].indexOf("NP-2026-004519"));
    StringBuilder csv = new StringBuilder(parts[0]).append("\r\n");
    int incidents = 3_000;
    for (int i = 0; i < incidents; i++) {
      csv.append(firstIncident.replace("NP-2026-004512", String.format("NP-2026-%06d", i)));
    }
    MappingInput input = new MappingInput("ASB_EXPORT_20261103091500.csv", csv.toString().getBytes(StandardCharsets.UTF_8), Map.of());
    Mapper police = mappings.mapper("police-rms-csv");
    police.map(input);

    long started = System.nanoTime();
    MappingResult result = police.map(input);
    double seconds = (System.nanoTime() - started) / 1e9;

    assertThat(result.outputs()).hasSize(incidents);
    assertThat(result.errors()).isEmpty();
    System.out.printf(Locale.ROOT, "police-rms-csv: %d rows (%d incidents) in %.2f s = %.0f rows/s%n",
        incidents * 3, incidents, seconds, incidents * 3 / seconds);
  }

  @Test
  void councilCaseMicrosecondsEach() throws IOException {
    String page = resource("/caseway-mappings/council-asb-case/fixtures/case-updated-sample-00817/case.json");
    Mapper council = mappings.mapper("council-asb-case");
    MappingInput input = MappingInput.ofText("case.json", page, Map.of("event", "case-updated",
        "received-at", "2026-11-03T09:30:00+00:00"));
    for (int i = 0; i < 500; i++) {
      council.map(input);
    }
    int cases = 5_000;
    long started = System.nanoTime();
    for (int i = 0; i < cases; i++) {
      assertThat(council.map(input).outputs()).hasSize(1);
    }
    double micros = (System.nanoTime() - started) / 1e3 / cases;
    System.out.printf(Locale.ROOT, "council-asb-case: %.0f µs per case (%d cases)%n", micros, cases);
  }

  private String resource(String name) throws IOException {
    return new String(getClass().getResourceAsStream(name).readAllBytes(), StandardCharsets.UTF_8);
  }
}
