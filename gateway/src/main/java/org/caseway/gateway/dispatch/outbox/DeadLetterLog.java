package org.caseway.gateway.dispatch.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What happened to each dead letter ({@code dead_letter_event}, V13): dead-lettered by the gateway
 * and why, replayed or discarded by whom and why. Joins the caller's transaction.
 */
public class DeadLetterLog {

  /** A delivery to one recipient, or a whole message dispatch could not handle. */
  public enum Kind { DELIVERY, MESSAGE }

  /** What was done. */
  public enum Action { DEAD_LETTERED, REPLAYED, DISCARDED }

  /** The gateway itself, as the actor of what it does on its own. */
  public static final String GATEWAY = "caseway-gateway";

  /**
   * @param letterId the delivery id, or the message id
   * @param actor who: {@link #GATEWAY}, or the data sharing manager's token subject
   */
  public record Event(String letterId, Kind kind, Action action, String actor, String reason, Instant at) {}

  private final JdbcClient jdbc;

  public DeadLetterLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(String letterId, Kind kind, Action action, String actor, String reason, Instant at) {
    jdbc.sql("INSERT INTO dead_letter_event (letter_id, kind, action, actor, reason, at) VALUES (?, ?, ?, ?, ?, ?)")
        .params(letterId, kind.name(), action.name(), actor, reason == null || reason.length() <= 4000 ? reason
            : reason.substring(0, 3997) + "...", Timestamp.from(at))
        .update();
  }

  public List<Event> of(String letterId) {
    return jdbc.sql("SELECT letter_id, kind, action, actor, reason, at FROM dead_letter_event WHERE letter_id = ?"
            + " ORDER BY event_id")
        .param(letterId)
        .query((row, n) -> new Event(row.getString(1), Kind.valueOf(row.getString(2)), Action.valueOf(row.getString(3)),
            row.getString(4), row.getString(5), row.getTimestamp(6).toInstant()))
        .list();
  }
}
