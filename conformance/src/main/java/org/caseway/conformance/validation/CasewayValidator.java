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
import org.caseway.conformance.validation.fastpath.FastPath;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>Fast path (issue 7): by default a message is first checked against the guide's profiles
 * compiled once ({@link FastPath}); only when that cannot show the message conforms does the full
 * instance validator run, and its report is the answer. The fast path never refuses and never
 * writes an issue: a message it accepts is one the full validator reports nothing for, which
 * {@code FastPathSoundnessTest} holds on every example, fixture and thousands of their mutations.
 * {@link Mode#FULL_ALWAYS} switches it off (for conformance testing of the validator itself).
 *
 * <p>Offline: no terminology server is configured, and building a validator switches off the
 * FHIR core library's own web access for the JVM (see {@code ManagedWebAccess}), which it would
 * otherwise use to fetch packages in a few code paths.
 */
public final class CasewayValidator {

  private static final Logger log = LoggerFactory.getLogger(CasewayValidator.class);

  /** Whether the compiled fast path may accept a message before the full validator runs. */
  public enum Mode {
    /** The default: the fast path accepts what plainly conforms; the full validator does the rest. */
    FAST_PATH,
    /** The full validator on every message, as before the fast path. */
    FULL_ALWAYS
  }

  private final ImplementationGuide guide;
  private final Mode mode;
  private volatile FastPath fastPath;
  private volatile Thread compiling;
  private volatile boolean fastPathFailed;
  private final FhirValidator validator;
  private final IssueTranslator translator = new IssueTranslator();
  private final MessageDefinitionCheck messageDefinitions;

  /**
   * A validator with the fast path on.
   *
   * @throws NullPointerException if {@code guide} is null
   */
  public CasewayValidator(ImplementationGuide guide) {
    this(guide, Mode.FAST_PATH);
  }

  /**
   * @throws NullPointerException if {@code guide} or {@code mode} is null
   */
  public CasewayValidator(ImplementationGuide guide, Mode mode) {
    this.guide = Objects.requireNonNull(guide, "guide");
    this.mode = Objects.requireNonNull(mode, "mode");
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
   * Validates every example of the guide once with the full validator, so that the first real
   * validation is fast, then compiles the fast path on a background thread: until it is ready
   * (several seconds) the full validator answers, with the same reports, so a start-up does not
   * wait for it. Takes several seconds; call it at start-up, not on a request thread.
   */
  public void warmUp() {
    guide.examples().values().forEach(example -> translate(validator.validateWithResult(example), Optional.empty()));
    if (mode == Mode.FAST_PATH && fastPath == null) {
      Thread compiler = new Thread(this::compileOrGiveUp, "caseway-fast-path-compiler");
      compiler.setDaemon(true);
      compiling = compiler;
      compiler.start();
    }
  }

  /** The background compilation: a guide the fast path cannot compile leaves the full validator on. */
  private void compileOrGiveUp() {
    try {
      long started = System.nanoTime();
      fastPath();
      log.info("Validation fast path compiled in {} ms", (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException cannotCompile) {
      fastPathFailed = true;
      log.error("The validation fast path cannot be compiled; every message goes through the full validator", cannotCompile);
    }
  }

  /** Whether the fast path is compiled and in use (false in {@link Mode#FULL_ALWAYS}). */
  public boolean fastPathReady() {
    return fastPath != null;
  }

  /**
   * The fast path, compiled on first use (several seconds) unless {@link #warmUp()} is compiling
   * it in the background, in which case null until it is done; null in {@link Mode#FULL_ALWAYS}.
   */
  private FastPath fastPathIfReady() {
    if (mode == Mode.FULL_ALWAYS || fastPathFailed) {
      return null;
    }
    FastPath compiled = fastPath;
    if (compiled != null) {
      return compiled;
    }
    Thread background = compiling;
    return background != null && background.isAlive() ? null : fastPath();
  }

  /** Compiles the fast path once, whoever asks first. */
  private FastPath fastPath() {
    FastPath compiled = fastPath;
    if (compiled == null) {
      synchronized (this) {
        compiled = fastPath;
        if (compiled == null) {
          compiled = new FastPath(guide);
          fastPath = compiled;
        }
      }
    }
    return compiled;
  }

  /**
   * The empty report when the fast path shows the content conforms (the profiles and the
   * MessageDefinition of its event); empty when the full validator must decide.
   */
  private Optional<ValidationReport> fastReport(FastPath.Verdict verdict) {
    if (!verdict.conforms()) {
      return Optional.empty();
    }
    if (verdict.parsed() instanceof Bundle bundle && !messageDefinitions.check(bundle).isEmpty()) {
      return Optional.empty(); // the full path reports it with the profiles' findings, as always
    }
    return Optional.of(new ValidationReport(List.of()));
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
    FastPath fast = fastPathIfReady();
    if (fast != null) {
      Optional<ValidationReport> accepted = fastReport(fast.check(json));
      if (accepted.isPresent()) {
        return accepted.get();
      }
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
    FastPath fast = fastPathIfReady();
    if (fast != null) {
      Optional<ValidationReport> accepted = fastReport(fast.check(resource));
      if (accepted.isPresent()) {
        return accepted.get();
      }
    }
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
