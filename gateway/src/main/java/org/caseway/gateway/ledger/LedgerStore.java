package org.caseway.gateway.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.caseway.gateway.identity.AgencyIdentifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tables of the record of disclosures. Only inserts entries, never updates or deletes them; the
 * chain head is the one row it updates. Methods join the caller's transaction.
 */
class LedgerStore {

  /** The head's last sequence number and hash. */
  record Head(long lastSeq, String lastHash) {}

  private static final String COLUMNS =
      "seq, kind, message_id, disclosure_id, event_code, source_partner, recipient_partner,"
          + " agreement_id, agreement_version, purpose, reason_code, reason, categories, elements,"
          + " subjects, recorded_at, previous_hash, entry_hash";
  private static final int ENTRY_COLUMNS = COLUMNS.split(",").length;
  private static final int ROWS_PER_STATEMENT = 200;

  private final JdbcClient jdbc;

  LedgerStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Locks the chain head until the transaction ends: appenders take turns here. */
  Head lockHead() {
    return jdbc.sql("SELECT last_seq, last_hash FROM disclosure_chain_head WHERE id = 1 FOR UPDATE")
        .query((row, n) -> new Head(row.getLong(1), row.getString(2)))
        .single();
  }

  Head head() {
    return jdbc.sql("SELECT last_seq, last_hash FROM disclosure_chain_head WHERE id = 1")
        .query((row, n) -> new Head(row.getLong(1), row.getString(2)))
        .single();
  }

  void moveHead(Head head) {
    jdbc.sql("UPDATE disclosure_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")
        .params(head.lastSeq(), head.lastHash())
        .update();
  }

  boolean hasEntriesFor(String messageId) {
    return jdbc.sql("SELECT COUNT(*) FROM disclosure_record WHERE message_id = ?")
            .param(messageId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** An entry as appended, with the identifiers of the people it concerns. */
  record Appended(ChainedEntry chained, Collection<AgencyIdentifier> subjects) {}

  /**
   * Inserts entries and their subjects with a few multi-row statements rather than one statement
   * per row (a message's entries and subjects are some 65 rows).
   */
  void insertAll(List<Appended> appended) {
    for (List<Appended> rows : chunks(appended)) {
      insertEntries(rows);
    }
    List<Object[]> subjects = new ArrayList<>();
    for (Appended a : appended) {
      for (AgencyIdentifier id : a.subjects()) {
        subjects.add(new Object[] {a.chained().seq(), id.system(), id.value()});
      }
    }
    for (List<Object[]> rows : chunks(subjects)) {
      insertSubjects(rows);
    }
  }

  private void insertEntries(List<Appended> rows) {
    List<Object> params = new ArrayList<>(rows.size() * ENTRY_COLUMNS);
    for (Appended a : rows) {
      ChainedEntry chained = a.chained();
      LedgerEntry e = chained.entry();
      params.addAll(Arrays.asList(
          chained.seq(), e.kind().name(), e.messageId(), e.disclosureId(), e.event(),
          e.sourcePartner(), e.recipientPartner(), e.agreementId(), e.agreementVersion(),
          e.purpose(), e.reasonCode(), e.reason(), e.categories(), e.elements(),
          e.subjectsJson(), Timestamp.from(e.recordedAt()), chained.previousHash(),
          chained.entryHash()));
    }
    jdbc.sql("INSERT INTO disclosure_record (" + COLUMNS + ") VALUES " + valueRows(rows.size(), ENTRY_COLUMNS))
        .params(params)
        .update();
  }

  private void insertSubjects(List<Object[]> rows) {
    List<Object> params = new ArrayList<>(rows.size() * 3);
    rows.forEach(row -> params.addAll(Arrays.asList(row)));
    jdbc.sql("INSERT INTO disclosure_subject (seq, id_system, id_value) VALUES " + valueRows(rows.size(), 3))
        .params(params)
        .update();
  }

  /** {@code (?,?),(?,?)} for two rows of two columns. */
  private static String valueRows(int rows, int columns) {
    String row = "(" + String.join(",", Collections.nCopies(columns, "?")) + ")";
    return String.join(",", Collections.nCopies(rows, row));
  }

  /** At most {@value #ROWS_PER_STATEMENT} rows a statement: far below any driver's limit on parameters. */
  private static <T> List<List<T>> chunks(List<T> rows) {
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
      chunks.add(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)));
    }
    return chunks;
  }

  /** Streams every entry in chain order to {@code visitor}, without holding them all. */
  void forEachInOrder(Consumer<ChainedEntry> visitor) {
    jdbc.sql("SELECT " + COLUMNS + " FROM disclosure_record ORDER BY seq")
        .query(
            (ResultSet row) -> {
              visitor.accept(toChained(row));
            });
  }

  /** Entries naming any of {@code identifiers}, in chain order. */
  List<ChainedEntry> about(Collection<AgencyIdentifier> identifiers) {
    if (identifiers.isEmpty()) {
      return List.of();
    }
    StringBuilder where = new StringBuilder();
    List<Object> params = new java.util.ArrayList<>();
    for (AgencyIdentifier id : identifiers) {
      where.append(where.isEmpty() ? "" : " OR ").append("(s.id_system = ? AND s.id_value = ?)");
      params.add(id.system());
      params.add(id.value());
    }
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM disclosure_record WHERE seq IN (SELECT s.seq FROM"
                + " disclosure_subject s WHERE " + where + ") ORDER BY seq")
        .params(params)
        .query((row, n) -> toChained(row))
        .list();
  }

  private static ChainedEntry toChained(ResultSet row) throws SQLException {
    LedgerEntry entry =
        new LedgerEntry(
            LedgerEntry.Kind.valueOf(row.getString("kind")),
            row.getString("message_id"),
            row.getString("disclosure_id"),
            row.getString("event_code"),
            row.getString("source_partner"),
            row.getString("recipient_partner"),
            row.getString("agreement_id"),
            row.getObject("agreement_version", Integer.class),
            row.getString("purpose"),
            row.getString("reason_code"),
            row.getString("reason"),
            row.getString("categories"),
            row.getString("elements"),
            row.getString("subjects"),
            row.getTimestamp("recorded_at").toInstant());
    return new ChainedEntry(
        row.getLong("seq"), entry, row.getString("previous_hash"), row.getString("entry_hash"));
  }
}
