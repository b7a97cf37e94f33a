package org.caseway.conformance.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.caseway.conformance.Examples;
import org.caseway.conformance.ImplementationGuide;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The guide holds to itself: every example and every conformance resource validates offline with no error. */
class GuideConformsTest {

  private static final ImplementationGuide GUIDE = ImplementationGuide.load();
  private static CasewayValidator validator;

  @BeforeAll
  static void buildValidator() {
    validator = new CasewayValidator(GUIDE);
  }

  @TestFactory
  Stream<DynamicTest> everyExampleConforms() {
    return GUIDE.examples().keySet().stream()
        .map(name -> DynamicTest.dynamicTest(name, () -> {
          ValidationReport report = validator.validate(Examples.text(name));
          assertThat(report.issues()).as("issues of example %s", name).isEmpty();
        }));
  }

  @TestFactory
  Stream<DynamicTest> everyConformanceResourceIsValidFhir() {
    return GUIDE.conformanceResources().stream()
        .map(resource -> DynamicTest.dynamicTest(((MetadataResource) resource).getUrl(), () -> {
          List<ValidationIssue> errors = validator.validate(resource).issues().stream()
              .filter(issue -> issue.severity().isError())
              .filter(issue -> !HapiSelfCheck.isKnownLimitation(issue))
              .toList();
          assertThat(errors).as("errors in %s", ((MetadataResource) resource).getUrl()).isEmpty();
        }));
  }

  @Test
  void thereIsAnExampleForEveryProfileAndEveryEvent() {
    List<String> declared = GUIDE.examples().values().stream()
        .flatMap(GuideConformsTest::withEntries)
        .flatMap(resource -> resource.getMeta().getProfile().stream())
        .map(profile -> profile.getValue())
        .distinct().toList();
    List<String> resourceProfiles = GUIDE.conformanceResources().stream()
        .filter(r -> r instanceof org.hl7.fhir.r4.model.StructureDefinition sd
            && sd.getKind() == org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionKind.RESOURCE)
        .map(r -> ((MetadataResource) r).getUrl()).toList();
    assertThat(declared).containsAll(resourceProfiles);

    List<String> eventsWithExample = GUIDE.examples().keySet().stream()
        .filter(name -> name.startsWith("Bundle-example-"))
        .map(name -> name.substring("Bundle-example-".length())).toList();
    List<String> events = ((org.hl7.fhir.r4.model.CodeSystem) GUIDE.conformanceResources().stream()
        .filter(r -> r.getIdElement().getIdPart().equals("caseway-event") && r instanceof org.hl7.fhir.r4.model.CodeSystem)
        .findFirst().orElseThrow())
        .getConcept().stream().map(c -> c.getCode()).toList();
    assertThat(eventsWithExample).containsAll(events);
  }

  private static Stream<Resource> withEntries(Resource resource) {
    if (resource instanceof org.hl7.fhir.r4.model.Bundle bundle) {
      return Stream.concat(Stream.of(resource), bundle.getEntry().stream().map(e -> e.getResource()));
    }
    return Stream.of(resource);
  }
}
