package org.caseway.conformance.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.caseway.conformance.ImplementationGuide;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ProfileSnapshotsTest {

  private static final ImplementationGuide GUIDE = ImplementationGuide.load();
  private static final ProfileSnapshots SNAPSHOTS = new ProfileSnapshots(GUIDE);

  /** A differential element missing from the snapshot is one HAPI could not apply. */
  @TestFactory
  Stream<DynamicTest> everyDifferentialElementOfEveryStructureDefinitionIsInItsSnapshot() {
    return GUIDE.conformanceResources().stream()
        .filter(StructureDefinition.class::isInstance)
        .map(StructureDefinition.class::cast)
        .map(sd -> DynamicTest.dynamicTest(sd.getUrl(), () -> {
          List<String> snapshotIds = SNAPSHOTS.snapshot(sd.getUrl()).getSnapshot().getElement().stream()
              .map(ElementDefinition::getId).toList();
          List<String> differentialIds = sd.getDifferential().getElement().stream()
              .map(ElementDefinition::getId).toList();
          assertThat(snapshotIds).containsAll(differentialIds);
        }));
  }

  @Test
  void aProhibitedElementIsMaxZeroInTheSnapshot() {
    StructureDefinition subject = SNAPSHOTS.snapshot(GUIDE_URL + "caseway-subject");

    assertThat(subject.getSnapshot().getElement())
        .filteredOn(e -> e.getId().equals("Patient.contained"))
        .singleElement()
        .satisfies(e -> assertThat(e.getMax()).isEqualTo("0"));
  }

  @Test
  void anUnknownProfileIsRefused() {
    assertThatThrownBy(() -> SNAPSHOTS.snapshot(GUIDE_URL + "caseway-nonsense"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("caseway-nonsense");
  }

  private static final String GUIDE_URL = ImplementationGuide.CANONICAL_BASE + "/StructureDefinition/";
}
