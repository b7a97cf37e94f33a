package org.caseway.gateway.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record of accepted messages, keyed by message id.
 *
 * <p>Thread-safe. Methods join the caller's transaction if there is one. The primary key is what
 * makes a message id accepted once: of two transactions inserting the same id, the second waits
 * for the first and then fails with {@link DuplicateKeyException} if the first committed.
 */
@Repository
public class AcceptedMessageStore {

  private final JdbcClient jdbc;

  public AcceptedMessageStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The accepted message with this id, if any (committed rows, or the caller's own). */
  public Optional<AcceptedMessage> find(String messageId) {
    return jdbc.sql(
            "SELECT message_id, source_partner, event_code, subject_key, accepted_at,"
                + " journal_partition, journal_offset FROM accepted_message WHERE message_id = ?")
        .param(messageId)
        .query(AcceptedMessageStore::toAcceptedMessage)
        .optional();
  }

  /**
   * Records {@code message} as accepted, without a journal position yet.
   *
   * @throws DuplicateKeyException if its id is already recorded
   */
  public void insert(AcceptedMessage message) {
    jdbc.sql(
            "INSERT INTO accepted_message (message_id, source_partner, event_code, subject_key,"
                + " accepted_at) VALUES (?, ?, ?, ?, ?)")
        .params(
            message.messageId(),
            message.sourcePartnerId(),
            message.eventCode(),
            message.subjectKey(),
            Timestamp.from(message.acceptedAt()))
        .update();
  }

  /** Records where the journal put the message. */
  public void recordJournalPosition(String messageId, int partition, long offset) {
    int updated =
        jdbc.sql(
                "UPDATE accepted_message SET journal_partition = ?, journal_offset = ?"
                    + " WHERE message_id = ?")
            .params(partition, offset, messageId)
            .update();
    if (updated != 1) {
      throw new IllegalStateException("No accepted message " + messageId + " to update");
    }
  }

  private static AcceptedMessage toAcceptedMessage(ResultSet row, int rowNum) throws SQLException {
    return new AcceptedMessage(
        row.getString("message_id"),
        row.getString("source_partner"),
        row.getString("event_code"),
        row.getString("subject_key"),
        row.getTimestamp("accepted_at").toInstant(),
        row.getObject("journal_partition", Integer.class),
        row.getObject("journal_offset", Long.class));
  }
}
