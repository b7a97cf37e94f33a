package org.caseway.gateway.policy;

import java.util.List;
import java.util.Set;
import org.caseway.gateway.identity.AgencyIdentifier;

/**
 * Something not shared with a recipient, and why.
 *
 * @param agreementId the agreement under which it was considered; null when no agreement applied
 *     (deny by default, a suspended partner, no subscription)
 * @param agreementVersion its version; null with {@code agreementId}
 * @param purpose the purpose considered; null when none applied
 * @param reasonCode a stable code, e.g. {@code NO_AGREEMENT}, {@code CATEGORY_NOT_ALLOWED}, {@code
 *     SOURCE_ONLY_ROLE}, {@code CONSENT_REFUSED}
 * @param reason the reason in words, for the data sharing manager
 * @param categories the data categories withheld
 * @param subjects the identifiers of each person concerned; empty if it concerns the whole message
 */
public record Withholding(
    String agreementId,
    Integer agreementVersion,
    String purpose,
    String reasonCode,
    String reason,
    Set<String> categories,
    List<Set<AgencyIdentifier>> subjects) {

  public Withholding {
    categories = Set.copyOf(categories);
    subjects = subjects.stream().map(Set::copyOf).toList();
  }
}
