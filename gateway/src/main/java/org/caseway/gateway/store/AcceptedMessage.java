package org.caseway.gateway.store;

import java.time.Instant;

/**
 * A message the gateway has accepted, as recorded in {@code accepted_message}.
 *
 * @param journalPartition the journal partition, or null while the accepting transaction runs
 * @param journalOffset the journal offset, or null while the accepting transaction runs
 */
public record AcceptedMessage(
    String messageId,
    String sourcePartnerId,
    String eventCode,
    String subjectKey,
    Instant acceptedAt,
    Integer journalPartition,
    Long journalOffset) {}
