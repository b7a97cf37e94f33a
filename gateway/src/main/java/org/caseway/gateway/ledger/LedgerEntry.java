package org.caseway.gateway.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the record of disclosures, with its content exactly as stored (the form the hash
 * covers).
 *
 * @param kind {@code DISCLOSED} or {@code WITHHELD}
 * @param messageId the accepted message it is about (Bundle.id)
 * @param disclosureId the id of the bundle the recipient was sent; null for a withholding
 * @param event the message's event code
 * @param sourcePartner who sent the message
 * @param recipientPartner to whom it was disclosed, or from whom it was withheld
 * @param agreementId the agreement it was made (or considered) under; null when none applied
 * @param agreementVersion that agreement's version; null with {@code agreementId}
 * @param purpose the purpose; null when none applied
 * @param reasonCode for a withholding, its stable code; null for a disclosure
 * @param reason for a withholding, why in words; null for a disclosure
 * @param categories sorted, comma-separated data categories disclosed or withheld
 * @param elements sorted, comma-separated element paths disclosed
 * @param subjectsJson JSON array of the people concerned, each an array of {@code system|value}
 * @param recordedAt when it was recorded, millisecond precision
 */
public record LedgerEntry(
    Kind kind,
    String messageId,
    String disclosureId,
    String event,
    String sourcePartner,
    String recipientPartner,
    String agreementId,
    Integer agreementVersion,
    String purpose,
    String reasonCode,
    String reason,
    String categories,
    String elements,
    String subjectsJson,
    Instant recordedAt) {

  /** Whether the entry records something shared or something kept back. */
  public enum Kind {
    DISCLOSED,
    WITHHELD
  }

  public LedgerEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(sourcePartner, "sourcePartner");
    Objects.requireNonNull(recipientPartner, "recipientPartner");
    Objects.requireNonNull(categories, "categories");
    Objects.requireNonNull(elements, "elements");
    Objects.requireNonNull(subjectsJson, "subjectsJson");
    Objects.requireNonNull(recordedAt, "recordedAt");
  }
}
