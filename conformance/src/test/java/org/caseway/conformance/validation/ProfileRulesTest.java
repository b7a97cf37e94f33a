package org.caseway.conformance.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import org.caseway.conformance.Examples;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.ValidationIssue.Severity;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each rule of the guide, broken once in an otherwise valid example, gives the error a partner needs. */
class ProfileRulesTest {

  private static final String INCIDENT = "Bundle-example-incident-reported";
  private static final String SD = ImplementationGuide.CANONICAL_BASE + "/StructureDefinition/";
  private static CasewayValidator validator;

  @BeforeAll
  static void buildValidator() {
    validator = new CasewayValidator(ImplementationGuide.load());
  }

  @Test
  void aPncIdOfTheWrongShapeIsAnErrorOnItsValue() {
    ValidationReport report = validate(INCIDENT, bundle ->
        patient(bundle, "N0048213").getIdentifier().get(1).setValue("2013/456789K"));

    assertThat(report.issues(Severity.ERROR)).singleElement().satisfies(issue -> {
      assertThat(issue.location()).endsWith(".resource.identifier[1].value");
      assertThat(issue.message()).contains("cw-subject-id-pnc", "YYYY/NNNNNNNL");
    });
  }

  @Test
  void anIncidentReferenceOfTheWrongShapeIsAnError() {
    ValidationReport report = validate(INCIDENT, bundle ->
        first(bundle, Basic.class).getIdentifierFirstRep().setValue("NP-26-4512"));

    assertThat(report.issues(Severity.ERROR)).singleElement()
        .satisfies(issue -> assertThat(issue.message()).contains("cw-incident-1", "NP-2026-004512"));
  }

  @Test
  void aPostcodeNotInStandardFormIsAnError() {
    ValidationReport report = validate(INCIDENT, bundle ->
        first(bundle, Location.class).getAddress().setPostalCode("nn7 4qt"));

    assertThat(report.issues(Severity.ERROR)).singleElement().satisfies(issue -> {
      assertThat(issue.location()).endsWith(".resource.address.postalCode");
      assertThat(issue.message()).contains("NN7 4QT");
    });
  }

  @Test
  void aParticipantRoleOutsideTheRoleCodesIsAnError() {
    ValidationReport report = validate(INCIDENT, bundle -> {
      Extension participant = first(bundle, Basic.class).getExtensionsByUrl(SD + "caseway-participant").get(2);
      ((Coding) participant.getExtensionByUrl("role").getValue()).setCode("BYSTANDER");
    });

    assertThat(report.issues(Severity.ERROR))
        .anySatisfy(issue -> assertThat(issue.message()).contains("BYSTANDER"));
  }

  @Test
  void aReportingTimeWithoutTimeOfDayIsAnError() {
    ValidationReport report = validate(INCIDENT, bundle ->
        first(bundle, Basic.class).getExtensionByUrl(SD + "caseway-reported-at").setValue(new DateTimeType("2026-11-03")));

    assertThat(report.issues(Severity.ERROR)).singleElement()
        .satisfies(issue -> assertThat(issue.message()).contains("cw-reported-at-1"));
  }

  @Test
  void officialSensitiveWithoutRestrictedConfidentialityIsAnError() {
    ValidationReport report = validate(INCIDENT, bundle -> {
      bundle.getMeta().getSecurity().get(0).setCode("OFFICIAL-SENSITIVE");
      bundle.getMeta().getSecurity().get(1).setCode("N");
    });

    assertThat(report.issues(Severity.ERROR)).singleElement()
        .satisfies(issue -> assertThat(issue.message()).contains("cw-bundle-2", "confidentiality R"));
  }

  @Test
  void anOfficialSensitiveEntryWithoutRestrictedConfidentialityIsAnErrorOnThatEntry() {
    ValidationReport report = validate(INCIDENT, bundle -> patient(bundle, "N0048213").getMeta()
        .addSecurity().setSystem(ImplementationGuide.CANONICAL_BASE + "/CodeSystem/caseway-classification")
        .setCode("OFFICIAL-SENSITIVE"));

    assertThat(report.issues(Severity.ERROR)).singleElement().satisfies(issue -> {
      assertThat(issue.location()).isEqualTo("Bundle.entry[3]");
      assertThat(issue.message()).contains("cw-bundle-3");
    });
  }

  @Test
  void aClosedCaseWithoutClosingDateIsAnError() {
    ValidationReport report = validate("Bundle-example-case-closed", bundle -> {
      Basic kase = first(bundle, Basic.class);
      kase.getExtension().removeIf(e -> e.getUrl().equals(SD + "caseway-closed-on"));
    });

    assertThat(report.issues(Severity.ERROR)).singleElement()
        .satisfies(issue -> assertThat(issue.message()).contains("cw-case-2", "closing date"));
  }

  @Test
  void anExtensionTheSubjectProfileDoesNotListIsAnError() {
    // A FHIR core extension, known to the validator, but not part of the Caseway model: it would
    // carry special category data past the classification.
    ValidationReport report = validate(INCIDENT, bundle -> patient(bundle, "N0048213")
        .addExtension("http://hl7.org/fhir/StructureDefinition/patient-religion", new StringType("x")));

    assertThat(report.hasErrors()).isTrue();
  }

  @Test
  void narrativeTextIsAnError() {
    ValidationReport report = validate(INCIDENT, bundle ->
        patient(bundle, "N0048213").getText().setStatus(org.hl7.fhir.r4.model.Narrative.NarrativeStatus.GENERATED)
            .setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">Dean Whitfield</div>"));

    assertThat(report.issues(Severity.ERROR)).singleElement()
        .satisfies(issue -> assertThat(issue.message()).contains("Patient.text: max allowed = 0", "leave it out"));
  }

  @Test
  void anEntryTheEventDoesNotAllowIsAnErrorNamingWhatIsAllowed() {
    Bundle caseMessage = Examples.bundle("Bundle-example-case-updated");
    ValidationReport report = validate("Bundle-example-risk-flag-raised", bundle ->
        bundle.addEntry(caseMessage.getEntry().get(1).copy()));

    assertThat(report.issues(Severity.ERROR)).singleElement().satisfies(issue -> {
      assertThat(issue.location()).isEqualTo("Bundle.entry[5].resource");
      assertThat(issue.message()).contains("'risk-flag-raised' message may not hold a caseway-case", "caseway-risk-flag");
    });
  }

  @Test
  void aFocusOfTheWrongKindIsAnError() {
    ValidationReport report = validate(INCIDENT, bundle -> header(bundle).getFocusFirstRep()
        .setReference(bundle.getEntry().stream().filter(e -> e.getResource() instanceof Patient)
            .findFirst().orElseThrow().getFullUrl()));

    assertThat(report.issues(Severity.ERROR)).singleElement().satisfies(issue -> {
      assertThat(issue.location()).isEqualTo("Bundle.entry[0].resource.focus[0]");
      assertThat(issue.message()).contains("must be a caseway-incident", "points to a caseway-subject");
    });
  }

  @Test
  void aFocusThatIsNotInTheMessageIsAnError() {
    ValidationReport report = validate(INCIDENT, bundle -> header(bundle).getFocusFirstRep().setReference("Basic/elsewhere"));

    assertThat(report.issues(Severity.ERROR))
        .anySatisfy(issue -> assertThat(issue.message()).contains("'Basic/elsewhere' is no entry's fullUrl"));
  }

  @Test
  void anUnknownEventCodeIsAnErrorNamingTheValueSet() {
    ValidationReport report = validate(INCIDENT, bundle -> header(bundle).getEventCoding().setCode("incident-created"));

    assertThat(report.issues(Severity.ERROR))
        .anySatisfy(issue -> assertThat(issue.message()).contains("incident-created"));
  }

  private static ValidationReport validate(String example, Consumer<Bundle> change) {
    Bundle bundle = Examples.bundle(example);
    change.accept(bundle);
    return validator.validate(Examples.json(bundle));
  }

  private static MessageHeader header(Bundle bundle) {
    return (MessageHeader) bundle.getEntryFirstRep().getResource();
  }

  private static Patient patient(Bundle bundle, String nominal) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Patient.class::isInstance).map(Patient.class::cast)
        .filter(p -> p.getIdentifierFirstRep().getValue().equals(nominal))
        .findFirst().orElseThrow();
  }

  private static <T extends Resource> T first(Bundle bundle, Class<T> type) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }
}
