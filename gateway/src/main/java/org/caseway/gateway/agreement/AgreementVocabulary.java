package org.caseway.gateway.agreement;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseway.conformance.ImplementationGuide;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;

/**
 * What an agreement document may name: the guide's data categories, purposes, markers and risk
 * levels, the registry's partners and their identifier systems.
 *
 * @param categories codes of {@code caseway-data-category}
 * @param purposes codes of {@code caseway-purpose}
 * @param markers codes of {@code caseway-marker}
 * @param riskLevels codes of {@code caseway-risk-level}
 * @param partners partner ids in the registry
 * @param identifierSystems the partners' identifier systems
 */
public record AgreementVocabulary(
    Set<String> categories,
    Set<String> purposes,
    Set<String> markers,
    Set<String> riskLevels,
    Set<String> partners,
    Set<String> identifierSystems) {

  public AgreementVocabulary {
    categories = Set.copyOf(categories);
    purposes = Set.copyOf(purposes);
    markers = Set.copyOf(markers);
    riskLevels = Set.copyOf(riskLevels);
    partners = Set.copyOf(partners);
    identifierSystems = Set.copyOf(identifierSystems);
  }

  /** The guide's codes, with the given partners and identifier systems. */
  public static AgreementVocabulary of(
      ImplementationGuide guide, Collection<String> partners, Collection<String> identifierSystems) {
    return new AgreementVocabulary(
        codes(guide, "caseway-data-category"),
        codes(guide, "caseway-purpose"),
        codes(guide, "caseway-marker"),
        codes(guide, "caseway-risk-level"),
        Set.copyOf(partners),
        Set.copyOf(identifierSystems));
  }

  private static Set<String> codes(ImplementationGuide guide, String name) {
    String url = ImplementationGuide.CANONICAL_BASE + "/CodeSystem/" + name;
    return guide.conformanceResources().stream()
        .filter(CodeSystem.class::isInstance)
        .map(CodeSystem.class::cast)
        .filter(cs -> url.equals(cs.getUrl()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("The guide has no CodeSystem " + url))
        .getConcept()
        .stream()
        .map(ConceptDefinitionComponent::getCode)
        .collect(Collectors.toUnmodifiableSet());
  }
}
