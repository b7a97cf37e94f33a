package org.caseway.gateway.dispatch.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.caseway.gateway.dispatch.outbox.DeadLetterLog.Action;
import org.caseway.gateway.dispatch.outbox.DeadLetterLog.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages dispatch could not handle at all ({@code poison_message}, V13): set aside with the
 * reason, so that the messages behind them on the journal keep flowing. Thread-safe, also across
 * gateway instances.
 */
public class PoisonMessages {

  /**
   * A message set aside.
   *
   * @param messageId its id (or, when it could not be read, its journal position)
   * @param json the message as journaled
   * @param state {@code DEAD}, {@code REPLAYED} or {@code DISCARDED}
   */
  public record Poison(String messageId, String sourceId, String subjectKey, String event, String json, String reason,
      String state, Instant createdAt, Instant updatedAt) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final DeadLetterLog events;

  PoisonMessages(JdbcClient jdbc, TransactionTemplate transaction, DeadLetterLog events) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.events = events;
  }

  /** Sets a message aside (again, with the new reason, if it was replayed and failed again). */
  public void setAside(String messageId, String sourceId, String subjectKey, String event, String json, String reason,
      Instant at) {
    transaction.executeWithoutResult(status -> {
      // Insert first, in one statement: an update-then-insert lets two at once both insert.
      int inserted = jdbc.sql("INSERT INTO poison_message (message_id, source_partner, subject_key, event_code,"
              + " message_json, reason, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'DEAD', ?, ?)"
              + " ON CONFLICT DO NOTHING")
          .params(messageId, sourceId, subjectKey, event, json, reason, Timestamp.from(at), Timestamp.from(at))
          .update();
      if (inserted == 0) {
        jdbc.sql("UPDATE poison_message SET state = 'DEAD', reason = ?, updated_at = ? WHERE message_id = ?")
            .params(reason, Timestamp.from(at), messageId).update();
      }
      events.add(messageId, Kind.MESSAGE, Action.DEAD_LETTERED, DeadLetterLog.GATEWAY, reason, at);
    });
  }

  public Optional<Poison> find(String messageId) {
    return jdbc.sql("SELECT * FROM poison_message WHERE message_id = ?").param(messageId)
        .query(PoisonMessages::poison).optional();
  }

  public List<Poison> dead() {
    return jdbc.sql("SELECT * FROM poison_message WHERE state = 'DEAD' ORDER BY created_at").query(PoisonMessages::poison)
        .list();
  }

  boolean mark(String messageId, String state, Instant at) {
    return jdbc.sql("UPDATE poison_message SET state = ?, updated_at = ? WHERE message_id = ? AND state = 'DEAD'")
        .params(state, Timestamp.from(at), messageId).update() == 1;
  }

  private static Poison poison(java.sql.ResultSet row, int n) throws java.sql.SQLException {
    return new Poison(row.getString("message_id"), row.getString("source_partner"), row.getString("subject_key"),
        row.getString("event_code"), row.getString("message_json"), row.getString("reason"), row.getString("state"),
        row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
  }
}
