package org.caseway.gateway.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.caseway.gateway.identity.AgencyIdentifier;
import org.caseway.gateway.identity.IdentityLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of disclosures: append, verify, and answer subject access requests.
 *
 * <p>Thread-safe, and safe across gateway instances: every append locks the chain head row, so
 * appends are serialised and the chain never forks. Nothing here updates or deletes an entry.
 */
public class DisclosureLedger {

  private static final Logger log = LoggerFactory.getLogger(DisclosureLedger.class);

  private final LedgerStore store;
  private final TransactionTemplate transaction;
  private final IdentityLinks identities;

  public DisclosureLedger(JdbcClient jdbc, TransactionTemplate transaction, IdentityLinks identities) {
    this.store = new LedgerStore(jdbc);
    this.transaction = transaction;
    this.identities = identities;
  }

  /**
   * Appends the entries of one message, in one transaction, unless that message already has
   * entries (a message taken from the journal again after a crash is recorded once).
   *
   * @return true if appended, false if the message was recorded before
   */
  public boolean recordOnce(String messageId, List<PendingEntry> entries) {
    Boolean appended = transaction.execute(status -> appendUnlessRecorded(messageId, entries));
    if (Boolean.TRUE.equals(appended)) {
      log.info("Recorded {} disclosure record entries for message {}", entries.size(), messageId);
    }
    return Boolean.TRUE.equals(appended);
  }

  private boolean appendUnlessRecorded(String messageId, List<PendingEntry> entries) {
    LedgerStore.Head head = store.lockHead();
    if (store.hasEntriesFor(messageId)) {
      return false;
    }
    long seq = head.lastSeq();
    String previous = head.lastHash();
    List<LedgerStore.Appended> appended = new ArrayList<>(entries.size());
    for (PendingEntry pending : entries) {
      seq++;
      String hash = EntryHash.of(seq, pending.entry(), previous);
      appended.add(new LedgerStore.Appended(new ChainedEntry(seq, pending.entry(), previous, hash),
          pending.subjectIdentifiers()));
      previous = hash;
    }
    store.insertAll(appended);
    store.moveHead(new LedgerStore.Head(seq, previous));
    return true;
  }

  /** Walks the whole chain and reports the first entry that breaks it. */
  public LedgerVerification verify() {
    return transaction.execute(
        status -> {
          ChainWalk walk = new ChainWalk();
          LedgerStore.Head head = store.head();
          store.forEachInOrder(walk);
          return walk.result(head);
        });
  }

  /**
   * Everything disclosed and withheld about the person with {@code identifier}, across every
   * identifier the identity index links to it, in the order recorded.
   */
  public SubjectAccessReport about(AgencyIdentifier identifier) {
    Set<AgencyIdentifier> cluster = identities.linkedTo(Set.of(identifier));
    return new SubjectAccessReport(cluster, store.about(cluster));
  }
}
