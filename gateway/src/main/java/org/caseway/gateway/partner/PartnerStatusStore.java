package org.caseway.gateway.partner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The partner status table and its history. Thread-safe; methods join the caller's transaction.
 * History rows are only ever inserted.
 */
public class PartnerStatusStore {

  private final JdbcClient jdbc;

  public PartnerStatusStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The recorded status of the partner, if the table has one. */
  public Optional<PartnerStatus> status(String partnerId) {
    return jdbc.sql("SELECT status FROM partner_status WHERE partner_id = ?")
        .param(partnerId)
        .query((row, n) -> PartnerStatus.valueOf(row.getString(1)))
        .optional();
  }

  /** The recorded status, locked until the caller's transaction ends. */
  public Optional<PartnerStatus> statusForUpdate(String partnerId) {
    return jdbc.sql("SELECT status FROM partner_status WHERE partner_id = ? FOR UPDATE")
        .param(partnerId)
        .query((row, n) -> PartnerStatus.valueOf(row.getString(1)))
        .optional();
  }

  /** Records the file's status for a partner the table does not know yet; a no-op if it does. */
  public void seed(String partnerId, PartnerStatus status, Instant at) {
    try {
      jdbc.sql(
              "INSERT INTO partner_status (partner_id, status, changed_at) SELECT ?, ?, ?"
                  + " WHERE NOT EXISTS (SELECT 1 FROM partner_status WHERE partner_id = ?)")
          .params(partnerId, status.name(), Timestamp.from(at), partnerId)
          .update();
    } catch (DuplicateKeyException anotherInstanceSeededIt) {
      // Another gateway instance seeded the same partner at the same moment: the row exists.
    }
  }

  /** Sets the status and records the change, in the caller's transaction. */
  public void apply(PartnerStatusChange change) {
    jdbc.sql("UPDATE partner_status SET status = ?, changed_at = ? WHERE partner_id = ?")
        .params(change.to().name(), Timestamp.from(change.changedAt()), change.partnerId())
        .update();
    jdbc.sql(
            "INSERT INTO partner_status_change (partner_id, from_status, to_status, changed_by,"
                + " changed_at, reason) VALUES (?, ?, ?, ?, ?, ?)")
        .params(
            change.partnerId(),
            change.from().name(),
            change.to().name(),
            change.changedBy(),
            Timestamp.from(change.changedAt()),
            change.reason())
        .update();
  }

  /** Every recorded change of the partner's status, oldest first. */
  public List<PartnerStatusChange> history(String partnerId) {
    return jdbc.sql(
            "SELECT partner_id, from_status, to_status, changed_by, changed_at, reason"
                + " FROM partner_status_change WHERE partner_id = ? ORDER BY change_id")
        .param(partnerId)
        .query(PartnerStatusStore::toChange)
        .list();
  }

  private static PartnerStatusChange toChange(ResultSet row, int n) throws SQLException {
    return new PartnerStatusChange(
        row.getString("partner_id"),
        PartnerStatus.valueOf(row.getString("from_status")),
        PartnerStatus.valueOf(row.getString("to_status")),
        row.getString("changed_by"),
        row.getTimestamp("changed_at").toInstant(),
        row.getString("reason"));
  }
}
