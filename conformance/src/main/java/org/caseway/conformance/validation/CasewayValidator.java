package org.caseway.conformance.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.ValidationIssue.Severity;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;

/**
 * Validates content against the Caseway profiles, fully offline.
 *
 * <p>Thread-safe. Building one is cheap, but its first validation is slow (several seconds: HAPI
 * loads the core definitions and generates the guide's snapshots), so build one, call {@link
 * #warmUp()} at start-up, and share it.
 *
 * <p>A resource is checked against the base FHIR R4 definitions and against every profile it
 * declares in {@code meta.profile}; a Caseway message bundle declares its profile, and so does
 * every resource in it, so a whole message is checked in one call. A message is also checked
 * against the MessageDefinition of its event: what its focus must be, which resources it may hold.
 *
 * <p>Offline: no terminology server is configured, and building a validator switches off the
 * FHIR core library's own web access for the JVM (see {@code ManagedWebAccess}), which it would
 * otherwise use to fetch packages in a few code paths.
 */
public final class CasewayValidator {

  private final ImplementationGuide guide;
  private final FhirValidator validator;
  private final IssueTranslator translator = new IssueTranslator();
  private final MessageDefinitionCheck messageDefinitions;

  /**
   * @throws NullPointerException if {@code guide} is null
   */
  public CasewayValidator(ImplementationGuide guide) {
    this.guide = Objects.requireNonNull(guide, "guide");
    this.validator = newValidator(guide);
    this.messageDefinitions = new MessageDefinitionCheck(guide);
  }

  private static FhirValidator newValidator(ImplementationGuide guide) {
    OidRegistryShadow.warnIfIneffective();
    FhirContext context = guide.fhirContext();
    FhirInstanceValidator module = new FhirInstanceValidator(ValidationSupports.chain(guide));
    // Extensions must be defined (by the guide or FHIR core): an unknown extension is an error,
    // as an unknown element is, so a typo cannot smuggle data past the classification.
    module.setAnyExtensionsAllowed(false);
    module.setErrorForUnknownProfiles(true);
    // dom-6 ("should have narrative") is advice for documents; messages carry no narrative.
    module.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
    // Every binding Caseway relies on is required. The extensible ones left are FHIR core's
    // (Consent.policyRule, meta.security, ...), where Caseway uses its own codes on purpose: a
    // warning on every message there would teach partners to ignore warnings.
    module.setNoExtensibleWarnings(true);
    FhirValidator validator = context.newValidator();
    validator.registerValidatorModule(module);
    return validator;
  }

  /**
   * Validates every example of the guide once, so that the first real validation is fast. Takes
   * several seconds; call it at start-up, not on a request thread.
   */
  public void warmUp() {
    guide.examples().values().forEach(this::validate);
  }

  /**
   * Validates raw JSON text. Working on the text, not a parsed resource, is what lets unknown
   * elements (typos, another FHIR version's elements) be reported instead of silently dropped.
   *
   * @param json the content as received; null or blank is reported, not thrown
   * @return the report; content that is not JSON, or not a FHIR resource, gives one {@link
   *     Severity#FATAL} issue; never throws for bad content
   */
  public ValidationReport validate(String json) {
    if (json == null || json.isBlank()) {
      return fatal("The content is empty: send one FHIR resource as JSON.");
    }
    if (!json.stripLeading().startsWith("{")) {
      return fatal("The content is not JSON: a FHIR resource in JSON starts with '{' (is it XML, CSV or a file of another kind?).");
    }
    try {
      ValidationResult result = validator.validateWithResult(json);
      return translate(result, parsedBundle(json));
    } catch (RuntimeException e) {
      // HAPI throws (rather than reports) for malformed JSON; the contract is a report.
      return fatal("The content is not valid JSON: " + rootMessage(e));
    }
  }

  /**
   * Validates a parsed resource. Unknown elements were already dropped by the parser, so prefer
   * {@link #validate(String)} for content received from a partner.
   *
   * @throws NullPointerException if {@code resource} is null
   */
  public ValidationReport validate(Resource resource) {
    Objects.requireNonNull(resource, "resource");
    return translate(validator.validateWithResult(resource),
        resource instanceof Bundle bundle ? Optional.of(bundle) : Optional.empty());
  }

  private ValidationReport translate(ValidationResult result, Optional<Bundle> message) {
    List<ValidationIssue> issues = new ArrayList<>(translator.translate(result.getMessages()));
    message.ifPresent(bundle -> issues.addAll(messageDefinitions.check(bundle)));
    issues.sort(Comparator.comparing(ValidationIssue::severity));
    return new ValidationReport(issues);
  }

  /** The content as a Bundle, for the checks the profiles cannot make; empty if it is none. */
  private Optional<Bundle> parsedBundle(String json) {
    try {
      // Quietly lenient: unknown elements are the validator's to report, not the log's.
      IBaseResource parsed = guide.fhirContext().newJsonParser()
          .setParserErrorHandler(new LenientErrorHandler(false))
          .parseResource(json);
      return parsed instanceof Bundle bundle ? Optional.of(bundle) : Optional.empty();
    } catch (RuntimeException e) {
      // Unreadable content has been reported by the validator already.
      return Optional.empty();
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private static ValidationReport fatal(String message) {
    return new ValidationReport(List.of(new ValidationIssue(Severity.FATAL, "(content)", message)));
  }
}
