package org.caseway.conformance.kit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.caseway.conformance.ImplementationGuide;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.utilities.http.ManagedWebAccess;

/**
 * Validates the kit's own resources (TestScripts, TestReports) against FHIR R4 and the kit's
 * extension definitions ({@code caseway-suites/definitions/}), offline; unknown extensions are
 * errors, as in the guide's validator.
 */
public final class KitResourceValidator {

  private static final List<String> DEFINITIONS = List.of("level", "level-reached", "fresh-ids", "input", "replace", "response-within");

  private final FhirValidator validator;

  public KitResourceValidator() {
    ManagedWebAccess.setAccessPolicy(ManagedWebAccess.WebAccessPolicy.PROHIBITED);
    FhirContext fhir = ImplementationGuide.load().fhirContext();
    PrePopulatedValidationSupport kit = new PrePopulatedValidationSupport(fhir);
    for (String name : DEFINITIONS) {
      kit.addStructureDefinition(fhir.newJsonParser().parseResource(StructureDefinition.class,
          GuideExamples.text("caseway-suites/definitions/StructureDefinition-conformance-kit-" + name + ".json")));
    }
    FhirInstanceValidator module = new FhirInstanceValidator(new ValidationSupportChain(
        new DefaultProfileValidationSupport(fhir), kit, new SnapshotGeneratingValidationSupport(fhir),
        new InMemoryTerminologyServerValidationSupport(fhir), new CommonCodeSystemsTerminologyService(fhir)));
    module.setAnyExtensionsAllowed(false);
    validator = fhir.newValidator();
    validator.registerValidatorModule(module);
  }

  /** The errors (and fatal issues) found in the JSON, as {@code location: message}. */
  public List<String> errors(String json) {
    return validator.validateWithResult(json).getMessages().stream()
        .filter(message -> message.getSeverity() == ResultSeverityEnum.ERROR || message.getSeverity() == ResultSeverityEnum.FATAL)
        .map(KitResourceValidator::describe)
        .toList();
  }

  private static String describe(SingleValidationMessage message) {
    return message.getLocationString() + ": " + message.getMessage();
  }
}
