package org.caseway.conformance.validation.fastpath;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import org.caseway.conformance.ImplementationGuide;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

/**
 * The fast path of validation: the guide's profiles compiled once, checked by a walk of the
 * message, for the messages that plainly conform.
 *
 * <p>Sound, not complete: {@link Verdict#conforms()} is true only when every element of the
 * message was covered by a compiled rule and met it, and the rules are at least as strict as the
 * full validator's (proven on the test corpus and its mutations by {@code FastPathSoundnessTest}).
 * Anything else (an error, an element or constraint the compiled rules do not cover, content
 * that is not JSON) is a fall-back: the caller must then run the full validator, whose report is
 * the answer. The fast path never produces an issue of its own.
 *
 * <p>Thread-safe: compile one (about a second) and share it.
 */
public final class FastPath {

  private final FhirContext context;
  private final CompiledProfiles profiles;
  private final ObjectMapper mapper = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * The fast path's answer.
   *
   * @param parsed the content as HAPI parsed it, when it was read; else null
   * @param fallBackReason null when the content conforms; else where and why the full validator
   *     is needed (for logs and tests, not for partners: it is no validation message)
   */
  public record Verdict(Resource parsed, String fallBackReason) {

    /**
     * True when the content conforms to the profiles: the full validator would report no issue
     * at all. The MessageDefinition of the event is the caller's to check.
     */
    public boolean conforms() {
      return fallBackReason == null;
    }
  }

  /**
   * Compiles the guide's profiles.
   *
   * @throws NullPointerException if {@code guide} is null
   * @throws IllegalStateException if a profile cannot be compiled (a defect in the guide)
   */
  public FastPath(ImplementationGuide guide) {
    Objects.requireNonNull(guide, "guide");
    this.context = guide.fhirContext();
    this.profiles = new CompiledProfiles(guide);
  }

  /**
   * Checks raw JSON text; never throws for bad content.
   *
   * @param json the content as received; null gives a fall-back
   */
  public Verdict check(String json) {
    if (json == null) {
      return new Verdict(null, "(content): empty");
    }
    JsonNode tree;
    Resource parsed;
    try {
      tree = mapper.readTree(json);
      IBaseResource resource = context.newJsonParser().setParserErrorHandler(new StrictErrorHandler())
          .parseResource(json);
      if (!(resource instanceof Resource r4)) {
        return new Verdict(null, "(content): not an R4 resource");
      }
      parsed = r4;
    } catch (Exception e) {
      // Unreadable, or something HAPI's strict parser objects to: the full validator will say what.
      return new Verdict(null, "(content): not read strictly: " + e.getMessage());
    }
    if (tree == null || !tree.isObject()) {
      return new Verdict(null, "(content): not a JSON object");
    }
    try {
      return new Verdict(parsed, InstanceWalk.check(profiles, tree, parsed));
    } catch (RuntimeException e) {
      // A rule that cannot be evaluated on this content is a rule not covered: fall back.
      return new Verdict(parsed, "(content): the walk failed: " + e);
    }
  }

  /**
   * Checks a parsed resource, as its JSON encoding (which is what the full validator checks too).
   *
   * @throws NullPointerException if {@code resource} is null
   */
  public Verdict check(Resource resource) {
    Objects.requireNonNull(resource, "resource");
    return check(context.newJsonParser().encodeResourceToString(resource));
  }
}
