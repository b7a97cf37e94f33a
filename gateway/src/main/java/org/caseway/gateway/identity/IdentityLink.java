package org.caseway.gateway.identity;

import java.time.Instant;

/**
 * A link between two identifiers of one person, and how it was made.
 *
 * @param id the link's id
 * @param a one identifier
 * @param b the other
 * @param method how it was made
 * @param source where from: {@code message:{id}}, {@code tenancy-roll:{file}} or {@code review:{id}}
 * @param createdAt when
 * @param confirmedBy who confirmed it (review links); null for automatic links
 * @param endedAt when it stopped holding (a tenancy ended); null while it holds
 * @param endedReason why it ended; null while it holds
 */
public record IdentityLink(
    long id,
    AgencyIdentifier a,
    AgencyIdentifier b,
    LinkMethod method,
    String source,
    Instant createdAt,
    String confirmedBy,
    Instant endedAt,
    String endedReason) {}
