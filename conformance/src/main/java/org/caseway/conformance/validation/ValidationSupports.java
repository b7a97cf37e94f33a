package org.caseway.conformance.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import org.caseway.conformance.ImplementationGuide;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.r4.model.Resource;

/**
 * Builds the offline validation support chain for the guide: FHIR core definitions, the guide's
 * own resources, snapshot generation (the guide's profiles are differentials), in-memory
 * terminology and the common code systems (UCUM, languages, ...). No terminology server is ever
 * configured, so nothing reaches the network.
 */
final class ValidationSupports {

  private ValidationSupports() {}

  static ValidationSupportChain chain(ImplementationGuide guide) {
    FhirContext context = guide.fhirContext();
    PrePopulatedValidationSupport guideResources = new PrePopulatedValidationSupport(context);
    for (Resource resource : guide.conformanceResources()) {
      guideResources.addResource(resource);
    }
    return new ValidationSupportChain(
        new DefaultProfileValidationSupport(context),
        guideResources,
        new SnapshotGeneratingValidationSupport(context),
        new InMemoryTerminologyServerValidationSupport(context),
        new CommonCodeSystemsTerminologyService(context),
        unknownCodeSystemsAreWarnings(context));
  }

  /**
   * A code from a code system nobody here knows (a partner's local system, say) is reported as a
   * warning instead of triggering a lookup: the validator never asks the network.
   */
  private static IValidationSupport unknownCodeSystemsAreWarnings(FhirContext context) {
    UnknownCodeSystemWarningValidationSupport support =
        new UnknownCodeSystemWarningValidationSupport(context);
    support.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
    return support;
  }
}
