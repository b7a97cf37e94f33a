package org.caseway.conformance.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.ProfileSnapshots;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionKind;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataCategoryClassificationTest {

  private static final String SD = ImplementationGuide.CANONICAL_BASE + "/StructureDefinition/";
  private static final ImplementationGuide GUIDE = ImplementationGuide.load();
  private static final ProfileSnapshots SNAPSHOTS = new ProfileSnapshots(GUIDE);
  private static final DataCategoryClassification CLASSIFICATION = DataCategoryClassification.load();

  @Test
  void classifiesExactlyTheResourceProfilesOfTheGuide() {
    assertThat(CLASSIFICATION.profiles()).containsExactlyInAnyOrderElementsOf(resourceProfiles());
  }

  @TestFactory
  Stream<DynamicTest> everyUsableElementOfEveryProfileHasOneKnownCategory() {
    Set<String> categories = categoryCodes();
    return resourceProfiles().stream().map(url -> DynamicTest.dynamicTest(url, () -> {
      List<String> unclassified = new ArrayList<>();
      for (String id : usableElementIds(url)) {
        String category = CLASSIFICATION.categoryOf(url, id);
        if (!categories.contains(category)) {
          unclassified.add(id + " -> " + category);
        }
      }
      assertThat(unclassified).as("elements of %s without a known category", url).isEmpty();
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyEntryNamesAnElementThatExistsAndIsNotProhibited() {
    return resourceProfiles().stream().map(url -> DynamicTest.dynamicTest(url, () -> {
      List<String> usable = usableElementIds(url);
      assertThat(CLASSIFICATION.entries(url).keySet())
          .as("classification entries of %s", url)
          .allSatisfy(id -> assertThat(usable).contains(id));
      String root = url.equals(SD + "caseway-message-bundle") ? "Bundle"
          : SNAPSHOTS.snapshot(url).getType();
      assertThat(CLASSIFICATION.entries(url)).as("root of %s", url).containsKey(root);
    }));
  }

  @ParameterizedTest(name = "{0} {1} is {2}")
  @CsvSource({
    "caseway-subject, Patient.identifier:pnc.value, offending",
    "caseway-subject, Patient.identifier:pnc, offending",
    "caseway-subject, Patient.identifier:nhsNumber.value, identifiers",
    "caseway-subject, Patient.identifier:crn.system, identifiers",
    "caseway-subject, Patient.identifier.value, identifiers",
    "caseway-subject, Patient.name.family, identity",
    "caseway-subject, Patient.birthDate, identity",
    "caseway-subject, Patient.gender, identity",
    "caseway-subject, Patient.address.postalCode, contact",
    "caseway-subject, Patient.telecom.value, contact",
    "caseway-subject, Patient.extension:ethnicity.value[x], ethnicity",
    "caseway-risk-flag, Flag.code, risk",
    "caseway-health-flag, Flag.code, health",
    "caseway-safeguarding-flag, Flag.subject, safeguarding",
    "caseway-incident, Basic.extension:narrative.value[x], narrative",
    "caseway-incident, Basic.extension:participant, incident",
    "caseway-incident, Basic.identifier.value, incident",
    "caseway-case, Basic.extension:notes, narrative",
    "caseway-case, Basic.extension:riskLevel.value[x], case",
    "caseway-location, Location.address.postalCode, incident",
    "caseway-iom-episode, EpisodeOfCare.period, offending",
    "caseway-message-header, MessageHeader.source.endpoint, message",
  })
  void classifiesByNearestListedAncestor(String profile, String elementId, String category) {
    assertThat(CLASSIFICATION.categoryOf(SD + profile, elementId)).isEqualTo(category);
  }

  @Test
  void acceptsAVersionedProfileUrl() {
    assertThat(CLASSIFICATION.categoryOf(SD + "caseway-subject|0.1.0", "Patient.identifier:pnc.value"))
        .isEqualTo("offending");
  }

  @Test
  void refusesAnUnknownProfileAndAnElementOfAnotherResource() {
    assertThatThrownBy(() -> CLASSIFICATION.categoryOf(SD + "caseway-nonsense", "Patient.name"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not a Caseway profile");
    assertThatThrownBy(() -> CLASSIFICATION.categoryOf(SD + "caseway-subject", "Flag.code"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Flag.code' is not an element of");
  }

  @ParameterizedTest(name = "parent of {0} is {1}")
  @CsvSource({
    "Patient.identifier:pnc.value, Patient.identifier:pnc",
    "Patient.identifier:pnc, Patient.identifier",
    "Basic.extension:participant.extension:role.value[x], Basic.extension:participant.extension:role",
    "Basic.extension:participant.extension:role, Basic.extension:participant.extension",
    "Patient.name, Patient",
  })
  void parentOfWalksSlicesBeforeElements(String id, String parent) {
    assertThat(DataCategoryClassification.parentOf(id)).isEqualTo(parent);
  }

  @Test
  void aRootHasNoParent() {
    assertThat(DataCategoryClassification.parentOf("Patient")).isNull();
  }

  /** Snapshot element ids, leaving out prohibited (max 0) elements and everything under them. */
  private static List<String> usableElementIds(String url) {
    List<ElementDefinition> elements = SNAPSHOTS.snapshot(url).getSnapshot().getElement();
    List<String> prohibited = elements.stream().filter(e -> "0".equals(e.getMax())).map(ElementDefinition::getId).toList();
    return elements.stream()
        .map(ElementDefinition::getId)
        .filter(id -> prohibited.stream().noneMatch(p -> id.equals(p) || id.startsWith(p + ".") || id.startsWith(p + ":")))
        .toList();
  }

  private static List<String> resourceProfiles() {
    return GUIDE.conformanceResources().stream()
        .filter(StructureDefinition.class::isInstance)
        .map(StructureDefinition.class::cast)
        .filter(sd -> sd.getKind() == StructureDefinitionKind.RESOURCE)
        .map(StructureDefinition::getUrl)
        .toList();
  }

  private static Set<String> categoryCodes() {
    CodeSystem categories = GUIDE.conformanceResources().stream()
        .filter(CodeSystem.class::isInstance).map(CodeSystem.class::cast)
        .filter(cs -> cs.getUrl().equals(CLASSIFICATION.categorySystem()))
        .findFirst().orElseThrow();
    return categories.getConcept().stream().map(CodeSystem.ConceptDefinitionComponent::getCode)
        .collect(Collectors.toSet());
  }
}
