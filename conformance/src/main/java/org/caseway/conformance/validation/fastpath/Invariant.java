package org.caseway.conformance.validation.fastpath;

import java.util.List;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Resource;

/**
 * One FHIRPath constraint of an element, compiled once. An instance element passes it only if the
 * expression evaluates to true; an expression that cannot be evaluated safely without the full
 * validator's services (references resolved, terminology, profiles) is not covered, and any
 * element it applies to falls back.
 *
 * @param key the constraint's key, e.g. {@code ele-1}
 * @param expression the compiled expression, or null when not covered
 * @param notCovered why it is not covered, or null
 */
record Invariant(String key, ExpressionNode expression, String notCovered) {

  /**
   * FHIR core invariants on every element, checked on the JSON directly: the same meaning, without
   * a FHIRPath evaluation per element. ref-1 also because HAPI's R4 engine and the validator's R5
   * engine disagree on {@code not()} of nothing (a reference with only an identifier): here a
   * reference that is absent or not to a contained resource passes, which both engines agree on.
   */
  private static final java.util.Map<String, String> NATIVE = java.util.Map.of(
      "ele-1", "hasValue() or (children().count() > id.count())",
      "ext-1", "extension.exists() != value.exists()",
      "ref-1", "reference.startsWith('#').not() or (reference.substring(1).trace('url') in %rootResource.contained.id.trace('ids'))");

  private boolean holdsNatively(com.fasterxml.jackson.databind.JsonNode json) {
    return switch (key) {
      case "ele-1" -> !json.isObject() || hasFieldOtherThanId(json);
      case "ext-1" -> json.has("extension") != hasValue(json);
      case "ref-1" -> !json.has("reference") || !json.get("reference").asText().startsWith("#");
      default -> false;
    };
  }

  private static boolean hasFieldOtherThanId(com.fasterxml.jackson.databind.JsonNode json) {
    var names = json.fieldNames();
    while (names.hasNext()) {
      if (!names.next().equals("id")) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasValue(com.fasterxml.jackson.databind.JsonNode json) {
    var names = json.fieldNames();
    while (names.hasNext()) {
      if (names.next().startsWith("value")) {
        return true;
      }
    }
    return false;
  }

  /** Functions that need the validator's resolver, terminology or profile services. */
  private static final Pattern NEEDS_SERVICES =
      Pattern.compile("resolve\\(|conformsTo\\(|memberOf\\(|htmlChecks|%(?!resource\\b|rootResource\\b|context\\b)");

  static Invariant compile(FHIRPathEngine engine, String key, String expression) {
    if (expression != null && expression.equals(NATIVE.get(key))) {
      return new Invariant(key, null, null);
    }
    if (expression == null || expression.isBlank()) {
      return new Invariant(key, null, "constraint " + key + " has no expression");
    }
    if (NEEDS_SERVICES.matcher(expression).find()) {
      return new Invariant(key, null, "constraint " + key + " needs the validator's services: " + expression);
    }
    try {
      return new Invariant(key, engine.parse(expression), null);
    } catch (RuntimeException e) {
      return new Invariant(key, null, "constraint " + key + " does not compile: " + e.getMessage());
    }
  }

  /**
   * Whether the element meets the constraint. An evaluation that throws counts as not met, so the
   * caller falls back and the full validator says what is wrong.
   */
  boolean holds(FHIRPathEngine engine, Resource resource, Resource root, Base element,
      com.fasterxml.jackson.databind.JsonNode json) {
    if (expression == null) {
      return notCovered == null && holdsNatively(json);
    }
    try {
      List<Base> result = engine.evaluate(null, resource, root, element, expression);
      return engine.convertToBoolean(result);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
