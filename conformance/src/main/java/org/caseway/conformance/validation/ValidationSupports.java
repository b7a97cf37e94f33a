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
import org.hl7.fhir.utilities.http.ManagedWebAccess;

/**
 * Builds the offline validation support chain for the guide: FHIR core definitions, the guide's
 * own resources, snapshot generation (the guide's profiles are differentials), in-memory
 * terminology and the common code systems (UCUM, languages, ...). No terminology server is ever
 * configured, so nothing reaches the network.
 */
final class ValidationSupports {

  private ValidationSupports() {}

  static ValidationSupportChain chain(ImplementationGuide guide) {
    prohibitNetworkAccess();
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
   * The FHIR core library fetches packages (from packages.fhir.org) and terminology on its own in
   * a few code paths, for instance when asked to validate a StructureDefinition. Caseway validates
   * offline, always: this switches those fetches off for the JVM. It affects only the core
   * library's own web access (org.hl7.fhir.utilities.http.ManagedWebAccess), not HAPI's REST
   * clients nor anything else in the application.
   */
  static void prohibitNetworkAccess() {
    ManagedWebAccess.setAccessPolicy(ManagedWebAccess.WebAccessPolicy.PROHIBITED);
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
