package org.caseway.mappings.fuzz;

import static java.util.concurrent.TimeUnit.SECONDS;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;
import org.caseway.mappings.Mapper;
import org.caseway.mappings.MappingInput;
import org.caseway.mappings.Mappings;
import org.junit.jupiter.api.Timeout;

/**
 * The police RMS export (police-rms-csv.md) as any bytes at all, through the shipped
 * {@code police-rms-csv} mapping: CSV parsing, the column spec, the JSONata template. Seeded with
 * the partnership's sample export and the mapping's fixtures.
 */
class PoliceCsvFuzzTest {

  private static final Mapper POLICE = Mappings.onClasspath().mapper("police-rms-csv");

  // @Timeout is also Jazzer's per-input timeout (libFuzzer -timeout) when fuzzing.
  @FuzzTest(maxDuration = "10s")
  @Timeout(value = 60, unit = SECONDS)
  void mapsOrRefusesCleanly(byte[] export) {
    if (export.length > MappingContract.MAX_INPUT_BYTES) {
      return;
    }
    MappingContract.map(POLICE, new MappingInput("ASB_EXPORT_20261103091500.csv", export, Map.of()));
  }
}
