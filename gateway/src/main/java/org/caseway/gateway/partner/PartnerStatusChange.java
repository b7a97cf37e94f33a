package org.caseway.gateway.partner;

import java.time.Instant;

/**
 * One change of a partner's status, as recorded.
 *
 * @param partnerId the partner
 * @param from its status before
 * @param to its status after
 * @param changedBy who made it: the token's subject and partner claim, {@code subject (partner)}
 * @param changedAt when
 * @param reason why, in the data sharing manager's words
 */
public record PartnerStatusChange(
    String partnerId,
    PartnerStatus from,
    PartnerStatus to,
    String changedBy,
    Instant changedAt,
    String reason) {}
