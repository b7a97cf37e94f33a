package org.caseway.gateway.support;

import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the outbox holds, per recipient and state, for a test's failure message: when a test waits
 * in vain for a partner system to receive something, this says whether the gateway never queued it,
 * is still retrying it (and why), or holds it claimed. No view content: ids, counts and errors only.
 */
public final class OutboxState {

  private OutboxState() {}

  /** One line per recipient and state: count, most attempts, latest error, claims and next attempt. */
  public static String describe(JdbcClient jdbc) {
    String rows = jdbc.sql("SELECT recipient_partner, state, COUNT(*) AS n, MAX(attempts) AS attempts,"
            + " MAX(last_error) AS last_error, COUNT(claimed_by) AS claimed, MIN(next_attempt_at) AS next_at"
            + " FROM delivery GROUP BY recipient_partner, state ORDER BY recipient_partner, state")
        .query((rs, n) -> "  %s %s: %d (attempts up to %d, %d claimed, next at %s) %s".formatted(
            rs.getString("recipient_partner"), rs.getString("state"), rs.getInt("n"), rs.getInt("attempts"),
            rs.getInt("claimed"), rs.getString("next_at"), rs.getString("last_error") == null ? ""
                : "last error: " + rs.getString("last_error")))
        .list().stream().collect(Collectors.joining("\n"));
    return rows.isEmpty() ? "the outbox is empty" : "the outbox:\n" + rows;
  }
}
