package org.caseway.gateway.dispatch.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.caseway.gateway.dispatch.outbox.OutboxEntry.State;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code delivery} table (V13). Every method is one statement and joins the caller's
 * transaction, if any. Portable SQL (H2 and PostgreSQL).
 */
class OutboxStore {

  private static final String COLUMNS = "seq, delivery_id, message_id, recipient_partner, subject_key, event_code,"
      + " agreement_id, agreement_version, purpose, view_json, state, attempts, next_attempt_at, last_error,"
      + " created_at, updated_at";

  private final JdbcClient jdbc;

  OutboxStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Adds a disclosure unless its id is in the outbox already (a message dispatched again, maybe at
   * the same time by another consumer after a rebalance): one statement on {@code uq_delivery_id}.
   */
  boolean insertIfNew(String deliveryId, String messageId, String recipientId, String subjectKey, String event,
      String agreementId, int agreementVersion, String purpose, String viewJson, Instant at) {
    return jdbc.sql("INSERT INTO delivery (delivery_id, message_id, recipient_partner, subject_key, event_code,"
            + " agreement_id, agreement_version, purpose, view_json, state, attempts, next_attempt_at, created_at,"
            + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?) ON CONFLICT DO NOTHING")
        .params(deliveryId, messageId, recipientId, subjectKey, event, agreementId, agreementVersion, purpose, viewJson,
            ts(at), ts(at), ts(at))
        .update() == 1;
  }

  /**
   * The recipient's deliveries that may be attempted now: pending, due, not held by another
   * instance, and each the first pending one of its person (a later one waits behind it).
   */
  List<OutboxEntry> heads(String recipientId, Instant now, int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM delivery d WHERE d.recipient_partner = ? AND d.state = 'PENDING'"
            + " AND d.next_attempt_at <= ? AND (d.claimed_until IS NULL OR d.claimed_until < ?)"
            + " AND NOT EXISTS (SELECT 1 FROM delivery e WHERE e.recipient_partner = d.recipient_partner"
            + " AND e.subject_key = d.subject_key AND e.state = 'PENDING' AND e.seq < d.seq)"
            + " ORDER BY d.seq LIMIT ?")
        .params(recipientId, ts(now), ts(now), limit)
        .query(OutboxStore::entry)
        .list();
  }

  /** Takes a delivery for this instance until {@code until}; false if another holds it or it moved on. */
  boolean claim(long seq, String instance, Instant now, Instant until) {
    return jdbc.sql("UPDATE delivery SET claimed_by = ?, claimed_until = ? WHERE seq = ? AND state = 'PENDING'"
            + " AND (claimed_until IS NULL OR claimed_until < ?)")
        .params(instance, ts(until), seq, ts(now))
        .update() == 1;
  }

  /** Lets go of a claim this instance holds without an attempt: the delivery is due as it was. */
  void release(long seq, String instance) {
    jdbc.sql("UPDATE delivery SET claimed_by = NULL, claimed_until = NULL WHERE seq = ? AND claimed_by = ?"
            + " AND state = 'PENDING'")
        .params(seq, instance).update();
  }

  void delivered(long seq, Instant at) {
    jdbc.sql("UPDATE delivery SET state = 'DELIVERED', view_json = NULL, attempts = attempts + 1, last_error = NULL,"
            + " claimed_by = NULL, claimed_until = NULL, updated_at = ? WHERE seq = ?")
        .params(ts(at), seq).update();
  }

  void retryLater(long seq, Instant next, String error, Instant at) {
    jdbc.sql("UPDATE delivery SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, claimed_by = NULL,"
            + " claimed_until = NULL, updated_at = ? WHERE seq = ?")
        .params(ts(next), shorten(error), ts(at), seq).update();
  }

  void dead(long seq, boolean attempted, String error, Instant at) {
    jdbc.sql("UPDATE delivery SET state = 'DEAD', attempts = attempts + ?, last_error = ?, claimed_by = NULL,"
            + " claimed_until = NULL, updated_at = ? WHERE seq = ?")
        .params(attempted ? 1 : 0, shorten(error), ts(at), seq).update();
  }

  /** A dead letter back in the queue, as if new: due now, no attempts. */
  boolean replay(String deliveryId, Instant at) {
    return jdbc.sql("UPDATE delivery SET state = 'PENDING', attempts = 0, next_attempt_at = ?, updated_at = ?"
            + " WHERE delivery_id = ? AND state = 'DEAD'")
        .params(ts(at), ts(at), deliveryId).update() == 1;
  }

  boolean discard(String deliveryId, Instant at) {
    return jdbc.sql("UPDATE delivery SET state = 'DISCARDED', view_json = NULL, updated_at = ?"
            + " WHERE delivery_id = ? AND state = 'DEAD'")
        .params(ts(at), deliveryId).update() == 1;
  }

  Optional<OutboxEntry> find(String deliveryId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE delivery_id = ?").param(deliveryId)
        .query(OutboxStore::entry).optional();
  }

  List<OutboxEntry> inState(State state, Optional<String> recipientId, int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE state = ?"
            + (recipientId.isPresent() ? " AND recipient_partner = ?" : "") + " ORDER BY seq LIMIT ?")
        .params(recipientId.isPresent() ? List.of(state.name(), recipientId.get(), limit) : List.of(state.name(), limit))
        .query(OutboxStore::entry).list();
  }

  /** Deliveries by recipient and state: how far behind each recipient is. */
  Map<String, Map<String, Integer>> counts() {
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    jdbc.sql("SELECT recipient_partner, state, COUNT(*) FROM delivery GROUP BY recipient_partner, state")
        .query((row, n) -> counts.computeIfAbsent(row.getString(1), k -> new TreeMap<>())
            .put(row.getString(2), row.getInt(3)))
        .list();
    return counts;
  }

  private static OutboxEntry entry(ResultSet row, int n) throws SQLException {
    return new OutboxEntry(row.getLong("seq"), row.getString("delivery_id"), row.getString("message_id"),
        row.getString("recipient_partner"), row.getString("subject_key"), row.getString("event_code"),
        row.getString("agreement_id"), row.getInt("agreement_version"), row.getString("purpose"),
        row.getString("view_json"), State.valueOf(row.getString("state")), row.getInt("attempts"),
        instant(row.getTimestamp("next_attempt_at")), row.getString("last_error"),
        instant(row.getTimestamp("created_at")), instant(row.getTimestamp("updated_at")));
  }

  private static Timestamp ts(Instant at) {
    return Timestamp.from(at);
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }

  private static String shorten(String error) {
    return error == null || error.length() <= 4000 ? error : error.substring(0, 3997) + "...";
  }
}
