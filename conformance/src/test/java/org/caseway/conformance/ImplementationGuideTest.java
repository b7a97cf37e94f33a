package org.caseway.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class ImplementationGuideTest {

  private final ImplementationGuide guide = ImplementationGuide.load();

  @Test
  void isLoadedOnce() {
    assertThat(ImplementationGuide.load()).isSameAs(guide);
  }

  @Test
  void everyConformanceResourceHasACanonicalUrlUnderTheBaseAndTheGuideVersion() {
    assertThat(guide.conformanceResources()).isNotEmpty();
    for (Resource resource : guide.conformanceResources()) {
      MetadataResource metadata = (MetadataResource) resource;
      String expectedUrl = ImplementationGuide.CANONICAL_BASE + "/" + resource.fhirType()
          + "/" + resource.getIdElement().getIdPart();
      assertThat(metadata.getUrl()).as("url of %s", resource.getId()).isEqualTo(expectedUrl);
      assertThat(metadata.getVersion()).as("version of %s", metadata.getUrl()).isEqualTo("0.1.0");
      assertThat(metadata.getStatus().toCode()).as("status of %s", metadata.getUrl()).isEqualTo("active");
    }
  }

  @Test
  void examplesAreKeyedByFileBaseName() {
    assertThat(guide.examples()).containsKey(Examples.RISK_FLAG_RAISED);
    assertThat(guide.example(Examples.RISK_FLAG_RAISED).fhirType()).isEqualTo("Bundle");
  }

  @Test
  void anUnknownExampleNameIsRefusedNamingTheKnownOnes() {
    assertThatThrownBy(() -> guide.example("Bundle-example-nonsense"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Bundle-example-nonsense")
        .hasMessageContaining(Examples.RISK_FLAG_RAISED);
  }
}
