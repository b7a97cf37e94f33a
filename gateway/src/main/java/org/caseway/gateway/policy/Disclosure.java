package org.caseway.gateway.policy;

import java.util.List;
import java.util.Set;
import org.caseway.gateway.identity.AgencyIdentifier;
import org.hl7.fhir.r4.model.Bundle;

/**
 * One disclosure to one recipient under one agreement version.
 *
 * @param agreementId the agreement that allows it, e.g. {@code ISA-ASB}
 * @param agreementVersion the version in force when the decision was made
 * @param purpose the purpose code it is made for, e.g. {@code ASB}
 * @param view the message as the recipient may see it: a new message bundle with its own id, that
 *     conforms to the guide
 * @param categories the data categories present in {@code view}
 * @param elements the elements shared, as {@code ResourceType.element} paths, sorted
 * @param subjects the identifiers of each person disclosed, as the message carries them
 */
public record Disclosure(
    String agreementId,
    int agreementVersion,
    String purpose,
    Bundle view,
    Set<String> categories,
    List<String> elements,
    List<Set<AgencyIdentifier>> subjects) {

  public Disclosure {
    categories = Set.copyOf(categories);
    elements = List.copyOf(elements);
    subjects = subjects.stream().map(Set::copyOf).toList();
  }
}
