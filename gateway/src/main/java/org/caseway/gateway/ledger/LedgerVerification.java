package org.caseway.gateway.ledger;

/**
 * The result of walking the chain.
 *
 * @param intact whether every entry and the head agree
 * @param entriesChecked how many entries were read
 * @param firstBadSeq the sequence number at which the chain first breaks; null if intact
 * @param problem what is wrong there, in words; null if intact
 */
public record LedgerVerification(
    boolean intact, long entriesChecked, Long firstBadSeq, String problem) {

  static LedgerVerification ok(long checked) {
    return new LedgerVerification(true, checked, null, null);
  }

  static LedgerVerification broken(long checked, long seq, String problem) {
    return new LedgerVerification(false, checked, seq, problem);
  }
}
