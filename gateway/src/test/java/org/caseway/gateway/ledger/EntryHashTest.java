package org.caseway.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EntryHashTest {

  private static final LedgerEntry ENTRY = new LedgerEntry(LedgerEntry.Kind.DISCLOSED, "m1", "d1",
      "incident-reported", "northshire-police", "northshire-probation", "ISA-IOM", 2, "IOM", null, null,
      "identity", "Patient.identifier", "[[\"s|v\"]]", Instant.ofEpochMilli(1_700_000_000_000L));

  @Test
  void isStableAndCoversContentPlaceAndPredecessor() {
    String hash = EntryHash.of(1, ENTRY, EntryHash.GENESIS);

    assertThat(hash).hasSize(64).isEqualTo(EntryHash.of(1, ENTRY, EntryHash.GENESIS));
    assertThat(EntryHash.of(2, ENTRY, EntryHash.GENESIS)).isNotEqualTo(hash);
    assertThat(EntryHash.of(1, ENTRY, "1".repeat(64))).isNotEqualTo(hash);
    LedgerEntry otherRecipient = new LedgerEntry(ENTRY.kind(), ENTRY.messageId(), ENTRY.disclosureId(),
        ENTRY.event(), ENTRY.sourcePartner(), "northshire-council", ENTRY.agreementId(),
        ENTRY.agreementVersion(), ENTRY.purpose(), null, null, ENTRY.categories(), ENTRY.elements(),
        ENTRY.subjectsJson(), ENTRY.recordedAt());
    assertThat(EntryHash.of(1, otherRecipient, EntryHash.GENESIS)).isNotEqualTo(hash);
  }

  @Test
  void tellsANullFieldFromAnEmptyOneAndFieldBoundariesApart() {
    LedgerEntry a = withPurposeAndReasonCode("IO", "M");
    LedgerEntry b = withPurposeAndReasonCode("IOM", "");
    LedgerEntry c = withPurposeAndReasonCode("IOM", null);

    assertThat(EntryHash.of(1, a, EntryHash.GENESIS))
        .isNotEqualTo(EntryHash.of(1, b, EntryHash.GENESIS))
        .isNotEqualTo(EntryHash.of(1, c, EntryHash.GENESIS));
    assertThat(EntryHash.of(1, b, EntryHash.GENESIS)).isNotEqualTo(EntryHash.of(1, c, EntryHash.GENESIS));
  }

  private static LedgerEntry withPurposeAndReasonCode(String purpose, String reasonCode) {
    return new LedgerEntry(ENTRY.kind(), ENTRY.messageId(), ENTRY.disclosureId(), ENTRY.event(),
        ENTRY.sourcePartner(), ENTRY.recipientPartner(), ENTRY.agreementId(), ENTRY.agreementVersion(),
        purpose, reasonCode, null, ENTRY.categories(), ENTRY.elements(), ENTRY.subjectsJson(),
        ENTRY.recordedAt());
  }
}
