package org.caseway.conformance.validation.fastpath;

import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.CodeSystemContentMode;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetComponent;

/**
 * The guide's and FHIR core's code systems and value sets, expanded in memory once, as far as
 * that can be done without a terminology server: a value set made of whole complete code systems
 * and enumerated concepts expands; one with filters, exclusions or unknown code systems does not,
 * and the elements bound to it are not covered.
 *
 * <p>Codes are keys {@code system + "|" + code}. Built in one thread, then read-only.
 */
final class Terminology {

  private final Map<String, CodeSystem> guideCodeSystems = new HashMap<>();
  private final Map<String, ValueSet> guideValueSets = new HashMap<>();
  private final IValidationSupport core;
  /** Code → display of each complete code system asked for; empty: unknown or not usable. */
  private final Map<String, java.util.Optional<Map<String, String>>> codeSystems =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Set<String>> expansions = new HashMap<>();

  Terminology(List<Resource> guideResources, IValidationSupport core) {
    this.core = core;
    for (Resource resource : guideResources) {
      if (resource instanceof CodeSystem cs) {
        guideCodeSystems.put(cs.getUrl(), cs);
      } else if (resource instanceof ValueSet vs) {
        guideValueSets.put(vs.getUrl(), vs);
      }
    }
  }

  /** The codes of the value set, or null if it cannot be expanded here. */
  Set<String> expand(String valueSetUrl) {
    String url = withoutVersion(valueSetUrl);
    if (!expansions.containsKey(url)) {
      expansions.put(url, null); // a value set including itself does not expand
      expansions.put(url, computeExpansion(url));
    }
    return expansions.get(url);
  }

  /**
   * Code → display of a complete code system, or null if the system is unknown or incomplete.
   * Thread-safe: a code system is read once, on first use, and kept.
   */
  Map<String, String> codeSystem(String systemUrl) {
    return codeSystems.computeIfAbsent(withoutVersion(systemUrl),
        url -> java.util.Optional.ofNullable(readCodeSystem(url))).orElse(null);
  }

  /** Reads every complete code system of the guide and of FHIR core that value sets name. */
  void readAllGuideCodeSystems() {
    guideCodeSystems.keySet().forEach(this::codeSystem);
  }

  private Set<String> computeExpansion(String url) {
    ValueSet vs = guideValueSets.containsKey(url) ? guideValueSets.get(url) : fetchCore(ValueSet.class, url);
    if (vs == null || !vs.getCompose().getExclude().isEmpty()) {
      return null;
    }
    Set<String> codes = new HashSet<>();
    for (ConceptSetComponent include : vs.getCompose().getInclude()) {
      if (!include.getFilter().isEmpty() || include.hasVersion()) {
        return null;
      }
      for (var imported : include.getValueSet()) {
        Set<String> importedCodes = expand(imported.getValue());
        if (importedCodes == null || include.hasSystem()) {
          return null; // an intersection of a system and a value set: not expanded here
        }
        codes.addAll(importedCodes);
      }
      if (!include.hasSystem()) {
        continue;
      }
      Map<String, String> system = codeSystem(include.getSystem());
      if (system == null) {
        return null;
      }
      if (include.getConcept().isEmpty()) {
        system.keySet().forEach(code -> codes.add(include.getSystem() + "|" + code));
      } else {
        for (var concept : include.getConcept()) {
          if (!system.containsKey(concept.getCode())) {
            return null;
          }
          codes.add(include.getSystem() + "|" + concept.getCode());
        }
      }
    }
    return Set.copyOf(codes);
  }

  private Map<String, String> readCodeSystem(String url) {
    CodeSystem cs = guideCodeSystems.containsKey(url) ? guideCodeSystems.get(url) : fetchCore(CodeSystem.class, url);
    if (cs == null || cs.getContent() != CodeSystemContentMode.COMPLETE || cs.getConcept().isEmpty()) {
      return null;
    }
    Map<String, String> codes = new HashMap<>();
    addConcepts(cs.getConcept(), codes);
    return java.util.Collections.unmodifiableMap(codes); // displays may be null
  }

  private static void addConcepts(List<ConceptDefinitionComponent> concepts, Map<String, String> codes) {
    for (ConceptDefinitionComponent concept : concepts) {
      codes.put(concept.getCode(), concept.getDisplay());
      addConcepts(concept.getConcept(), codes);
    }
  }

  private <T extends org.hl7.fhir.instance.model.api.IBaseResource> T fetchCore(Class<T> type, String url) {
    return core.fetchResource(type, url);
  }

  static String withoutVersion(String url) {
    int bar = url.indexOf('|');
    return bar < 0 ? url : url.substring(0, bar);
  }
}
