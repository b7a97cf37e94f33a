package org.caseway.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.caseway.gateway.identity.AgencyIdentifier;
import org.caseway.gateway.identity.IdentityLinks;
import org.caseway.gateway.support.Decisions;
import org.caseway.gateway.support.TestDatabase;
import org.caseway.gateway.support.Together;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class DisclosureLedgerTest {

  private static final AgencyIdentifier NOMINAL =
      new AgencyIdentifier("https://id.northshire.police.uk/nominal", "N0048213");

  private JdbcClient jdbc;
  private DisclosureLedger ledger;

  @BeforeEach
  void freshDatabase() {
    TestDatabase db = TestDatabase.migrated();
    jdbc = db.jdbc();
    // The police nominal and the CRN are one person; nothing else is linked.
    IdentityLinks links =
        ids -> ids.contains(NOMINAL) || ids.contains(Decisions.CRN)
            ? Set.of(NOMINAL, Decisions.CRN)
            : Set.copyOf(ids);
    ledger = new DisclosureLedger(jdbc, db.transactions(), links);
  }

  @Test
  void recordsEachDisclosureAndWithholdingAndVerifiesIntact() {
    record("m1", Set.of(Decisions.CRN));
    record("m2", Set.of(Decisions.PNC));

    LedgerVerification verification = ledger.verify();

    assertThat(verification.intact()).isTrue();
    assertThat(verification.entriesChecked()).isEqualTo(4);
    assertThat(count("SELECT COUNT(*) FROM disclosure_record WHERE kind = 'WITHHELD'")).isEqualTo(2);
  }

  @Test
  void recordsAMessageOnceEvenIfAskedAgain() {
    assertThat(record("m1", Set.of(Decisions.CRN))).isTrue();
    assertThat(record("m1", Set.of(Decisions.CRN))).isFalse();

    assertThat(count("SELECT COUNT(*) FROM disclosure_record")).isEqualTo(2);
  }

  @Test
  void catchesAnEditedEntry() {
    recordThree();
    jdbc.sql("UPDATE disclosure_record SET recipient_partner = 'northshire-council' WHERE seq = 3").update();

    assertBrokenAt(3, "edited");
  }

  @Test
  void catchesADeletedEntryInTheMiddle() {
    recordThree();
    jdbc.sql("DELETE FROM disclosure_record WHERE seq = 2").update();

    assertBrokenAt(2, "deleted");
  }

  @Test
  void catchesADeletedLastEntry() {
    recordThree();
    jdbc.sql("DELETE FROM disclosure_record WHERE seq = 6").update();

    assertBrokenAt(6, "deleted");
  }

  @Test
  void catchesReorderedEntries() {
    recordThree();
    jdbc.sql("UPDATE disclosure_record SET seq = 100 WHERE seq = 3").update();
    jdbc.sql("UPDATE disclosure_record SET seq = 3 WHERE seq = 4").update();
    jdbc.sql("UPDATE disclosure_record SET seq = 4 WHERE seq = 100").update();

    assertBrokenAt(3, "");
  }

  @Test
  void concurrentAppendersNeverForkTheChain() throws Exception {
    int threads = 4;
    int perThread = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < perThread; i++) {
          record(UUID.randomUUID().toString(), Set.of(Decisions.PNC));
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(ledger.verify().intact()).isTrue();
    assertThat(count("SELECT COUNT(DISTINCT previous_hash) FROM disclosure_record"))
        .isEqualTo(threads * perThread * 2L);
  }

  @Test
  void oneMessageRecordedByTwoAtOnceIsRecordedOnce() {
    for (int i = 0; i < 20; i++) {
      String messageId = "taken-twice-" + i;
      List<Boolean> appended = java.util.Collections.synchronizedList(new ArrayList<>());

      Together.run(() -> appended.add(record(messageId, Set.of(Decisions.PNC))),
          () -> appended.add(record(messageId, Set.of(Decisions.PNC))));

      assertThat(appended).as("round %d", i).containsExactlyInAnyOrder(true, false);
      assertThat(count("SELECT COUNT(*) FROM disclosure_record WHERE message_id = '" + messageId + "'")).isEqualTo(2);
    }
    assertThat(ledger.verify().intact()).isTrue();
  }

  @Test
  void subjectAccessFindsEntriesUnderEveryLinkedIdentifier() {
    record("about-crn", Set.of(Decisions.CRN));
    record("about-nominal", Set.of(NOMINAL));
    record("about-someone-else", Set.of(Decisions.PNC));

    SubjectAccessReport report = ledger.about(NOMINAL);

    assertThat(report.identifiers()).containsExactlyInAnyOrder(NOMINAL, Decisions.CRN);
    assertThat(report.entries())
        .extracting(e -> e.entry().messageId())
        .containsExactly("about-crn", "about-crn", "about-nominal", "about-nominal");
    assertThat(report.entries())
        .extracting(e -> e.entry().kind())
        .contains(LedgerEntry.Kind.DISCLOSED, LedgerEntry.Kind.WITHHELD);
  }

  @Test
  void aWithholdingOfTheWholeMessageIsRecordedAboutTheMessagesPeople() {
    var decision = new org.caseway.gateway.policy.PolicyDecision("whole", "referral", "northshire-police",
        "northshire-council", List.of(), List.of(new org.caseway.gateway.policy.Withholding(null, null, null,
            "NO_AGREEMENT", "No agreement allows it", Set.of(), List.of())), List.of());
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    ledger.recordOnce("whole", LedgerEntries.of(decision, List.of(), now, List.of(Set.of(NOMINAL))));

    assertThat(ledger.about(Decisions.CRN).entries()).singleElement().satisfies(e -> {
      assertThat(e.entry().kind()).isEqualTo(LedgerEntry.Kind.WITHHELD);
      assertThat(e.entry().reasonCode()).isEqualTo("NO_AGREEMENT");
      assertThat(e.entry().subjectsJson()).contains(NOMINAL.toString());
    });
  }

  private void recordThree() {
    record("a", Set.of(Decisions.CRN));
    record("b", Set.of(Decisions.CRN));
    record("c", Set.of(Decisions.CRN));
    assertThat(ledger.verify().intact()).isTrue();
  }

  private boolean record(String messageId, Set<AgencyIdentifier> subject) {
    var decision = Decisions.discloseAndWithhold(messageId, "northshire-probation", subject);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return ledger.recordOnce(messageId, LedgerEntries.of(decision, List.of("view-" + messageId), now));
  }

  private void assertBrokenAt(long seq, String word) {
    LedgerVerification verification = ledger.verify();
    assertThat(verification.intact()).isFalse();
    assertThat(verification.firstBadSeq()).isEqualTo(seq);
    assertThat(verification.problem()).contains(word);
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
