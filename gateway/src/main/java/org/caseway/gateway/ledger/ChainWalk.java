package org.caseway.gateway.ledger;

import java.util.function.Consumer;

/**
 * Walks the chain in sequence order and remembers the first break: a gap or repeat in the
 * sequence (a deleted or moved entry), a previous hash that is not the hash before it (a reordered
 * or removed entry), or a hash that does not match the content (an edited entry).
 */
final class ChainWalk implements Consumer<ChainedEntry> {

  private long expectedSeq = 1;
  private String runningHash = EntryHash.GENESIS;
  private long checked;
  private LedgerVerification failure;

  @Override
  public void accept(ChainedEntry e) {
    if (failure != null) {
      return;
    }
    checked++;
    if (e.seq() != expectedSeq) {
      fail(expectedSeq, "expected entry " + expectedSeq + " but found " + e.seq()
          + ": an entry was deleted or moved");
    } else if (!e.previousHash().equals(runningHash)) {
      fail(e.seq(), "its previous hash is not the hash of entry " + (e.seq() - 1)
          + ": entries were removed or reordered");
    } else if (!EntryHash.of(e.seq(), e.entry(), e.previousHash()).equals(e.entryHash())) {
      fail(e.seq(), "its content does not match its hash: the entry was edited");
    }
    runningHash = e.entryHash();
    expectedSeq = e.seq() + 1;
  }

  /** The verdict, once every entry was walked, checked against the chain head. */
  LedgerVerification result(LedgerStore.Head head) {
    if (failure != null) {
      return failure;
    }
    if (head.lastSeq() != expectedSeq - 1 || !head.lastHash().equals(runningHash)) {
      return LedgerVerification.broken(checked, expectedSeq,
          "the chain head names entry " + head.lastSeq() + " but the record ends at entry "
              + (expectedSeq - 1) + ": entries at the end were deleted or the head was altered");
    }
    return LedgerVerification.ok(checked);
  }

  private void fail(long seq, String problem) {
    failure = LedgerVerification.broken(checked, seq, "Entry " + seq + ": " + problem);
  }
}
