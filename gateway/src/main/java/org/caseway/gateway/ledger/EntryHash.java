package org.caseway.gateway.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash that chains the record of disclosures.
 *
 * <p>Canonical form: the previous hash, then every field of the entry in a fixed order, each
 * written as its length in UTF-16 units, a colon and the value ({@code -} alone for null), so that
 * no two different entries share a form. The timestamp is written as epoch milliseconds. Changing
 * this form invalidates every existing chain: it is versioned by the {@value #FORM} prefix.
 */
public final class EntryHash {

  /** The first entry's previous hash. */
  public static final String GENESIS = "0".repeat(64);

  static final String FORM = "caseway-ledger-v1";

  private EntryHash() {}

  public static String of(long seq, LedgerEntry e, String previousHash) {
    StringBuilder form = new StringBuilder(FORM);
    append(form, previousHash);
    append(form, Long.toString(seq));
    append(form, e.kind().name());
    append(form, e.messageId());
    append(form, e.disclosureId());
    append(form, e.event());
    append(form, e.sourcePartner());
    append(form, e.recipientPartner());
    append(form, e.agreementId());
    append(form, e.agreementVersion() == null ? null : e.agreementVersion().toString());
    append(form, e.purpose());
    append(form, e.reasonCode());
    append(form, e.reason());
    append(form, e.categories());
    append(form, e.elements());
    append(form, e.subjectsJson());
    append(form, Long.toString(e.recordedAt().toEpochMilli()));
    return sha256(form.toString());
  }

  private static void append(StringBuilder form, String value) {
    form.append('|');
    if (value == null) {
      form.append('-');
    } else {
      form.append(value.length()).append(':').append(value);
    }
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
