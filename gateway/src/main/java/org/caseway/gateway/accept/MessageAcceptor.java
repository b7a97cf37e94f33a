package org.caseway.gateway.accept;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.caseway.conformance.MessageEnvelope;
import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.GatewayException;
import org.caseway.gateway.journal.JournalEntry;
import org.caseway.gateway.journal.JournalPosition;
import org.caseway.gateway.journal.JournalWriter;
import org.caseway.gateway.store.AcceptedMessage;
import org.caseway.gateway.store.AcceptedMessageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Step 4 of the accept route: takes a valid message once, durably, before it is acknowledged.
 *
 * <p>In one database transaction: insert the message id (the primary key claims it; a concurrent
 * request with the same id waits on it), write the bundle to the journal and wait for the broker's
 * acknowledgement, record the journal position, commit. So a committed row means the journal has
 * the message. If the process dies after the broker's acknowledgement but before the commit, the
 * row is gone, the partner got no acknowledgement and sends again, and the journal holds the
 * message twice, which consumers absorb by deduplicating on the message id. A message id already
 * recorded is acknowledged again without writing anything.
 */
public class MessageAcceptor {

  private static final Logger log = LoggerFactory.getLogger(MessageAcceptor.class);

  private final AcceptedMessageStore store;
  private final JournalWriter journal;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public MessageAcceptor(
      AcceptedMessageStore store, JournalWriter journal, TransactionTemplate transaction, Clock clock) {
    this.store = store;
    this.journal = journal;
    this.transaction = transaction;
    this.clock = clock;
  }

  /**
   * @throws GatewayException {@link ErrorCode#JOURNAL_UNAVAILABLE} or {@link ErrorCode#STORE_BUSY}
   *     (nothing acknowledged, retry later); {@link ErrorCode#MESSAGE_ID_CONFLICT} if another
   *     partner's message already has this id
   */
  public Acceptance accept(IncomingMessage message) {
    String messageId = message.envelope().messageId();
    try {
      Optional<AcceptedMessage> earlier = store.find(messageId);
      if (earlier.isPresent()) {
        return repeat(message, earlier.get());
      }
      return transaction.execute(status -> acceptFirstTime(message));
    } catch (DuplicateKeyException raced) {
      // A request with the same id committed while this one waited on the key.
      return repeat(message, store.find(messageId).orElseThrow(() -> raced));
    } catch (TransientDataAccessException
        | DataAccessResourceFailureException
        | CannotCreateTransactionException busy) {
      log.warn("Store could not take message {} now: {}", messageId, busy.toString());
      throw new GatewayException(
          ErrorCode.STORE_BUSY,
          "The message could not be recorded just now and was not accepted; send it again later.",
          busy);
    }
  }

  private Acceptance acceptFirstTime(IncomingMessage message) {
    MessageEnvelope envelope = message.envelope();
    AcceptedMessage claimed = claim(envelope);
    JournalPosition position = journal.append(journalEntry(message));
    store.recordJournalPosition(envelope.messageId(), position.partition(), position.offset());
    log.info(
        "Accepted message {} from {} (event {}) at journal partition {} offset {}",
        envelope.messageId(),
        envelope.sourcePartnerId(),
        envelope.eventCode(),
        position.partition(),
        position.offset());
    return new Acceptance(message, withPosition(claimed, position), false);
  }

  private AcceptedMessage claim(MessageEnvelope envelope) {
    // Millisecond precision: what both H2 and PostgreSQL store and return unchanged.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    AcceptedMessage claimed =
        new AcceptedMessage(
            envelope.messageId(),
            envelope.sourcePartnerId(),
            envelope.eventCode(),
            envelope.subjectKey(),
            now,
            null,
            null);
    store.insert(claimed);
    return claimed;
  }

  private Acceptance repeat(IncomingMessage message, AcceptedMessage earlier) {
    MessageEnvelope envelope = message.envelope();
    if (!earlier.sourcePartnerId().equals(envelope.sourcePartnerId())) {
      log.warn(
          "Message id {} from {} was already accepted from another partner; refused",
          envelope.messageId(),
          envelope.sourcePartnerId());
      throw new GatewayException(
          ErrorCode.MESSAGE_ID_CONFLICT,
          "This message id is already in use; give every message a new, unique Bundle.id.");
    }
    log.info(
        "Message {} from {} was accepted before; acknowledged again, not journaled again",
        envelope.messageId(),
        envelope.sourcePartnerId());
    return new Acceptance(message, earlier, true);
  }

  private static JournalEntry journalEntry(IncomingMessage message) {
    MessageEnvelope envelope = message.envelope();
    return new JournalEntry(
        envelope.messageId(),
        envelope.sourcePartnerId(),
        envelope.eventCode(),
        envelope.subjectKey(),
        message.json());
  }

  private static AcceptedMessage withPosition(AcceptedMessage claimed, JournalPosition position) {
    return new AcceptedMessage(
        claimed.messageId(),
        claimed.sourcePartnerId(),
        claimed.eventCode(),
        claimed.subjectKey(),
        claimed.acceptedAt(),
        position.partition(),
        position.offset());
  }
}
