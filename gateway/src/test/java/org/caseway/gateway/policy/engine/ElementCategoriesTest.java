package org.caseway.gateway.policy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.classification.DataCategoryClassification;
import org.junit.jupiter.api.Test;

/** The guide's classification, compiled: every profile, and slices told apart by what the profile fixes. */
class ElementCategoriesTest {

  private static final String BASE = ImplementationGuide.CANONICAL_BASE + "/StructureDefinition/";
  private final ElementCategories categories =
      new ElementCategories(ImplementationGuide.load(), DataCategoryClassification.load());

  @Test
  void compilesEveryClassifiedProfile() {
    for (String profile : DataCategoryClassification.load().profiles()) {
      assertThat(categories.of(profile)).as(profile).isNotNull();
    }
  }

  @Test
  void tellsThePncSliceApartByItsFixedSystem() {
    ElementCategories.Child identifier = child("caseway-subject", "identifier");

    assertThat(identifier.category()).isEqualTo("identifiers");
    assertThat(identifier.slices().get("https://id.pnc.police.uk/person"))
        .isEqualTo(new ElementCategories.Slice("Patient.identifier:pnc", "offending"));
  }

  @Test
  void tellsNarrativeAndEthnicityExtensionsApartByTheirUrls() {
    assertThat(child("caseway-incident", "extension").slices().get(BASE + "caseway-narrative").category())
        .isEqualTo("narrative");
    assertThat(child("caseway-case", "extension").slices().get(BASE + "caseway-narrative").elementId())
        .isEqualTo("Basic.extension:notes");
    assertThat(child("caseway-subject", "extension").slices().get(BASE + "caseway-ethnicity").category())
        .isEqualTo("ethnicity");
    assertThat(child("caseway-incident", "extension").category()).isEqualTo("incident");
  }

  @Test
  void givesEachFlagProfileItsOwnCategory() {
    assertThat(categories.of(BASE + "caseway-risk-flag").rootCategory()).isEqualTo("risk");
    assertThat(categories.of(BASE + "caseway-health-flag").rootCategory()).isEqualTo("health");
    assertThat(categories.of(BASE + "caseway-safeguarding-flag").rootCategory()).isEqualTo("safeguarding");
  }

  private ElementCategories.Child child(String profile, String name) {
    return categories.of(BASE + profile).children().stream()
        .filter(c -> c.child().equals(name)).findFirst().orElseThrow();
  }
}
