package org.caseway.conformance.validation;

import ca.uhn.fhir.context.support.ValidationSupportContext;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.caseway.conformance.ImplementationGuide;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * The snapshots of the guide's profiles, generated (the guide holds differentials) by the same
 * support chain the validator uses, once per profile.
 *
 * <p>Thread-safe. The snapshots returned are shared: treat them as read-only.
 */
public final class ProfileSnapshots {

  private final ImplementationGuide guide;
  private final ValidationSupportChain chain;
  private final Map<String, StructureDefinition> snapshots = new ConcurrentHashMap<>();

  /**
   * @throws NullPointerException if {@code guide} is null
   */
  public ProfileSnapshots(ImplementationGuide guide) {
    this.guide = Objects.requireNonNull(guide, "guide");
    this.chain = ValidationSupports.chain(guide);
  }

  /**
   * The profile with its snapshot.
   *
   * @param profileUrl a canonical URL of a StructureDefinition in the guide (no version)
   * @throws IllegalArgumentException if the guide has no such StructureDefinition
   * @throws IllegalStateException if HAPI cannot generate its snapshot (a defect in the guide)
   */
  public StructureDefinition snapshot(String profileUrl) {
    Objects.requireNonNull(profileUrl, "profileUrl");
    return snapshots.computeIfAbsent(profileUrl, this::generate);
  }

  private StructureDefinition generate(String url) {
    StructureDefinition differential = guide.conformanceResources().stream()
        .filter(StructureDefinition.class::isInstance)
        .map(StructureDefinition.class::cast)
        .filter(sd -> sd.getUrl().equals(url))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("The Caseway guide has no StructureDefinition " + url));
    StructureDefinition snapshot = (StructureDefinition) chain.generateSnapshot(
        new ValidationSupportContext(chain), differential.copy(), url, null, differential.getName());
    if (snapshot == null || !snapshot.hasSnapshot()) {
      throw new IllegalStateException("HAPI could not generate the snapshot of " + url);
    }
    return snapshot;
  }
}
