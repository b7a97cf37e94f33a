package org.caseway.conformance.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caseway.conformance.ImplementationGuide;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package the build produced, loaded as FHIR tools load it. */
class NpmPackageIT {

  private static final Path TGZ = Path.of("target", "caseway.fhir.core-0.1.0.tgz");
  private static NpmPackage npm;

  @BeforeAll
  static void load() throws IOException {
    assertThat(TGZ).as("the build writes the package before integration tests").exists();
    try (InputStream in = Files.newInputStream(TGZ)) {
      npm = NpmPackage.fromPackage(in);
    }
  }

  @Test
  void declaresNameVersionFhirVersionAndCoreDependency() {
    assertThat(npm.name()).isEqualTo("caseway.fhir.core");
    assertThat(npm.version()).isEqualTo("0.1.0");
    assertThat(npm.fhirVersion()).isEqualTo("4.0.1");
    assertThat(npm.dependencies()).containsExactly("hl7.fhir.r4.core#4.0.1");
    assertThat(npm.canonical()).isEqualTo(ImplementationGuide.CANONICAL_BASE);
  }

  @Test
  void holdsEveryProfileOfTheGuide() throws IOException {
    List<String> guideProfiles = ImplementationGuide.load().conformanceResources().stream()
        .filter(StructureDefinition.class::isInstance)
        .map(r -> "StructureDefinition-" + r.getIdElement().getIdPart() + ".json")
        .toList();

    assertThat(npm.listResources("StructureDefinition")).containsExactlyInAnyOrderElementsOf(guideProfiles);
    assertThat(guideProfiles).contains("StructureDefinition-caseway-message-bundle.json");
  }

  @Test
  void holdsEveryConformanceResourceAndTheCapabilityStatement() throws IOException {
    List<String> all = npm.listResources(
        "StructureDefinition", "CodeSystem", "ValueSet", "MessageDefinition", "CapabilityStatement");

    assertThat(all).hasSize(ImplementationGuide.load().conformanceResources().size());
    assertThat(all).contains("CapabilityStatement-caseway-gateway.json");
  }

  @Test
  void aProfileInThePackageIsTheGuidesProfile() throws IOException {
    StructureDefinition subject;
    try (InputStream in = npm.load("package", "StructureDefinition-caseway-subject.json")) {
      subject = (StructureDefinition) ImplementationGuide.load().fhirContext().newJsonParser().parseResource(in);
    }
    MetadataResource inGuide = (MetadataResource) ImplementationGuide.load().conformanceResources().stream()
        .filter(r -> r.getIdElement().getIdPart().equals("caseway-subject")).findFirst().orElseThrow();
    assertThat(subject.getUrl()).isEqualTo(inGuide.getUrl());
    assertThat(subject.getDifferential().getElement()).hasSameSizeAs(((StructureDefinition) inGuide).getDifferential().getElement());
  }

  @Test
  void holdsTheExamplesAndTheClassification() throws IOException {
    assertThat(npm.hasFile("example", "Bundle-example-incident-reported.json")).isTrue();
    assertThat(npm.list("example")).hasSize(ImplementationGuide.load().examples().size());
    assertThat(npm.hasFile("other", "data-categories.json")).isTrue();
  }
}
