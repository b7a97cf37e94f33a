package org.caseway.northshire.simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.caseway.conformance.ImplementationGuide;
import org.junit.jupiter.api.Test;

/** The samples are the partners' files as committed, quirks included. */
class SamplesTest {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @Test
  void thePoliceExportKeepsItsByteOrderMarkAndCrlf() {
    byte[] export = Samples.bytes(Samples.POLICE_EXPORT);
    String text = new String(export, StandardCharsets.UTF_8);

    assertThat(export).startsWith(BOM);
    assertThat(text).contains("Classification\r\n").endsWith("\r\n");
    // The narrative's own line break, inside a quoted field, is a bare LF in the RMS output.
    assertThat(text).contains("the door.\nSecond call at 08:55.");
    assertThat(text).contains("Łukasz", "Zoë", "2013/0456789K");
  }

  @Test
  void theMarkersAreEmptyAndTheRollIsUtf8() {
    assertThat(Samples.bytes(Samples.POLICE_EXPORT + ".done")).isEmpty();
    assertThat(Samples.bytes(Samples.TENANCY_ROLL + ".done")).isEmpty();
    assertThat(new String(Samples.bytes(Samples.TENANCY_ROLL), StandardCharsets.UTF_8))
        .startsWith("TenancyRef,UPRN,").contains("T104233", "T108877", "Łukasz");
  }

  @Test
  void theCouncilPageHoldsTheTwoSampleCases() throws Exception {
    JsonNode page = new ObjectMapper().readTree(Samples.councilChangesPage());

    assertThat(page.get("changes")).extracting(change -> change.get("caseNumber").asText())
        .containsExactly("ASB/2026/00817", "ASB/2026/00822");
  }

  @Test
  void theProbationSampleIsTheGuidesCohortExampleLinkingCrnToPnc() throws Exception {
    JsonNode message = new ObjectMapper().readTree(Samples.iomCohortChanged());

    assertThat(message.get("id").asText())
        .isEqualTo(ImplementationGuide.load().example("Bundle-example-iom-cohort-changed").getIdElement().getIdPart());
    assertThat(Samples.iomCohortChanged()).contains("K204811", "2013/0456789K", "northshire-probation");
  }

  @Test
  void anUnknownNameIsRefusedNamingTheSamples() {
    assertThatThrownBy(() -> Samples.bytes("ASB_EXPORT_19990101000000.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Samples.POLICE_EXPORT)
        .hasMessageContaining(Samples.TENANCY_ROLL);
  }
}
