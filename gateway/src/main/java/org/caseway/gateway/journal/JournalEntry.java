package org.caseway.gateway.journal;

import java.util.Objects;

/**
 * One accepted message as the journal carries it.
 *
 * @param messageId the message's id (Bundle.id): consumers deduplicate by it
 * @param sourcePartnerId the partner that sent it
 * @param eventCode the message's event code
 * @param subjectKey the record key: all messages about one subject share it, and so their order
 * @param bundleJson the canonical message bundle, FHIR JSON
 */
public record JournalEntry(
    String messageId,
    String sourcePartnerId,
    String eventCode,
    String subjectKey,
    String bundleJson) {

  public JournalEntry {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(sourcePartnerId, "sourcePartnerId");
    Objects.requireNonNull(eventCode, "eventCode");
    Objects.requireNonNull(subjectKey, "subjectKey");
    Objects.requireNonNull(bundleJson, "bundleJson");
  }
}
