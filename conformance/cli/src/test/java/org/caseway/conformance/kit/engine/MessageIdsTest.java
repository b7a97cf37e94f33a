package org.caseway.conformance.kit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.caseway.conformance.ImplementationGuide;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

  private static final UUID BUNDLE = UUID.fromString("00000000-0000-4000-8000-000000000001");
  private static final UUID HEADER = UUID.fromString("00000000-0000-4000-8000-000000000002");

  @Test
  void givesTheBundleAndItsHeaderNewIdsAndLeavesTheRestAsWritten() throws Exception {
    String example = new String(getClass().getClassLoader()
        .getResourceAsStream("caseway-ig/examples/Bundle-example-referral.json").readAllBytes());
    Iterator<UUID> ids = List.of(BUNDLE, HEADER).iterator();

    String fresh = MessageIds.fresh(example, ImplementationGuide.load().fhirContext(), ids::next);

    Bundle bundle = ImplementationGuide.load().fhirContext().newJsonParser().parseResource(Bundle.class, fresh);
    assertThat(bundle.getIdElement().getIdPart()).isEqualTo(BUNDLE.toString());
    assertThat(bundle.getEntryFirstRep().getResource().getIdElement().getIdPart()).isEqualTo(HEADER.toString());
    assertThat(bundle.getEntryFirstRep().getFullUrl()).isEqualTo("urn:uuid:" + HEADER);
    assertThat(fresh).doesNotContain("10f0bfb9-a6eb-5e4c-b445-41b6365b8ea4", "5b452716-7912-50f0-80f9-2e4bb119e60e");
    assertThat(fresh.length()).isEqualTo(example.length());
  }

  @Test
  void leavesContentThatIsNotAMessageAlone() {
    assertThat(MessageIds.fresh("IncidentRef,ReportedAt\n", ImplementationGuide.load().fhirContext(), UUID::randomUUID))
        .isEqualTo("IncidentRef,ReportedAt\n");
    String patient = "{\"resourceType\": \"Patient\", \"id\": \"p1\"}";
    assertThat(MessageIds.fresh(patient, ImplementationGuide.load().fhirContext(), UUID::randomUUID)).isEqualTo(patient);
  }
}
