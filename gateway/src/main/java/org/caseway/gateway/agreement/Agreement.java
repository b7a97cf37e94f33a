package org.caseway.gateway.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One version of an information sharing agreement, as its document states it.
 *
 * @param id the agreement id, e.g. {@code ISA-ASB}
 * @param version its version number
 * @param title for people
 * @param status whether it may share at all
 * @param validFrom the first day in force (UTC, inclusive)
 * @param validTo the last day in force (UTC, inclusive)
 * @param legalBasis the lawful bases, for people
 * @param parties the partner ids of its parties
 * @param purposes its purpose codes
 * @param rules its rows
 * @param file the document it was read from
 * @param sha256 the hex SHA-256 of the document's bytes
 */
public record Agreement(
    String id,
    int version,
    String title,
    AgreementStatus status,
    LocalDate validFrom,
    LocalDate validTo,
    List<String> legalBasis,
    Set<String> parties,
    Set<String> purposes,
    List<AgreementRule> rules,
    String file,
    String sha256) {

  public Agreement {
    legalBasis = List.copyOf(legalBasis);
    parties = Set.copyOf(parties);
    purposes = Set.copyOf(purposes);
    rules = List.copyOf(rules);
  }

  /** Whether this version is active and {@code at} falls on a day of its validity period. */
  public boolean inForceAt(Instant at) {
    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
    return status == AgreementStatus.ACTIVE && !day.isBefore(validFrom) && !day.isAfter(validTo);
  }

  /** Why it is not in force at {@code at}, in words; empty if it is. */
  public Optional<String> notInForceBecause(Instant at) {
    if (status != AgreementStatus.ACTIVE) {
      return Optional.of(label() + " is " + status.name().toLowerCase());
    }
    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
    if (day.isBefore(validFrom)) {
      return Optional.of(label() + " starts on " + validFrom);
    }
    if (day.isAfter(validTo)) {
      return Optional.of(label() + " ended on " + validTo);
    }
    return Optional.empty();
  }

  /** The rule from {@code sourceId} to {@code recipientId}, if the agreement has one. */
  public Optional<AgreementRule> ruleFor(String sourceId, String recipientId) {
    return rules.stream().filter(r -> r.covers(sourceId, recipientId)).findFirst();
  }

  /** e.g. {@code ISA-ASB v3}. */
  public String label() {
    return id + " v" + version;
  }

  boolean overlaps(Agreement other) {
    return !validFrom.isAfter(other.validTo) && !other.validFrom.isAfter(validTo);
  }
}
