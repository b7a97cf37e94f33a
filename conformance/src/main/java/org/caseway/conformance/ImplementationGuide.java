package org.caseway.conformance;

import ca.uhn.fhir.context.FhirContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Resource;

/**
 * The Caseway implementation guide: the canonical contract (profiles, extensions, code systems,
 * value sets, message definitions, the gateway's CapabilityStatement) and its examples, read once
 * from the classpath folder {@code caseway-ig/}.
 *
 * <p>Immutable and thread-safe. The resources it returns are shared: treat them as read-only (copy
 * them with {@code copy()} before changing anything).
 */
public final class ImplementationGuide {

  /** The base of every Caseway canonical URL: {@code CANONICAL_BASE + "/<ResourceType>/<id>"}. */
  public static final String CANONICAL_BASE = "https://caseway.example/fhir";

  private static final class Holder {
    static final ImplementationGuide INSTANCE = IgLoader.load("caseway-ig");
  }

  private final FhirContext fhirContext;
  private final List<Resource> conformanceResources;
  private final CapabilityStatement capabilityStatement;
  private final Map<String, Resource> examples;

  ImplementationGuide(
      FhirContext fhirContext,
      List<Resource> conformanceResources,
      Map<String, Resource> examples) {
    this.fhirContext = fhirContext;
    this.conformanceResources = List.copyOf(conformanceResources);
    this.examples = Collections.unmodifiableMap(new LinkedHashMap<>(examples));
    this.capabilityStatement =
        conformanceResources.stream()
            .filter(CapabilityStatement.class::isInstance)
            .map(CapabilityStatement.class::cast)
            .findFirst()
            .orElse(null);
  }

  /**
   * Returns the guide, reading it from the classpath on first use (a few hundred milliseconds).
   *
   * @throws IllegalStateException if the guide is missing from the classpath or a file in it is
   *     not valid FHIR JSON (a build defect, never a partner's)
   */
  public static ImplementationGuide load() {
    return Holder.INSTANCE;
  }

  /** The one FHIR R4 context the guide was parsed with; thread-safe, share it. */
  public FhirContext fhirContext() {
    return fhirContext;
  }

  /**
   * Every conformance resource of the guide (StructureDefinitions, CodeSystems, ValueSets,
   * MessageDefinitions, the CapabilityStatement), in a stable order; unmodifiable.
   */
  public List<Resource> conformanceResources() {
    return conformanceResources;
  }

  /**
   * The gateway's CapabilityStatement.
   *
   * @throws IllegalStateException if the guide has none (only while the guide is being built up)
   */
  public CapabilityStatement capabilityStatement() {
    if (capabilityStatement == null) {
      throw new IllegalStateException("The Caseway guide holds no CapabilityStatement");
    }
    return capabilityStatement;
  }

  /**
   * The examples, keyed by file base name (e.g. {@code Bundle-example-risk-flag-raised}), in name
   * order; unmodifiable.
   */
  public Map<String, Resource> examples() {
    return examples;
  }

  /**
   * One example by file base name.
   *
   * @throws IllegalArgumentException naming the known examples if there is none by that name
   */
  public Resource example(String name) {
    Resource example = examples.get(name);
    if (example == null) {
      throw new IllegalArgumentException(
          "No Caseway example named '" + name + "'; known examples: " + examples.keySet());
    }
    return example;
  }
}
