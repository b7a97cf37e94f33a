package org.caseway.gateway.identity;

import java.time.Instant;

/**
 * A near match awaiting (or after) a person's decision.
 *
 * @param id the review's id
 * @param a one identifier
 * @param b the other
 * @param differingField which of {@code name}, {@code birth-date}, {@code postcode} differs
 * @param source where the match was found
 * @param createdAt when
 * @param status {@code PENDING}, {@code CONFIRMED} or {@code REJECTED}
 * @param decidedBy who decided; null while pending
 * @param decidedAt when; null while pending
 */
public record IdentityReview(
    long id,
    AgencyIdentifier a,
    AgencyIdentifier b,
    String differingField,
    String source,
    Instant createdAt,
    String status,
    String decidedBy,
    Instant decidedAt) {}
