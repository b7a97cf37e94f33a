package org.caseway.gateway.dispatch;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.caseway.gateway.dispatch.outbox.DeliveryOutbox;
import org.caseway.gateway.dispatch.outbox.DeliveryWorkers;
import org.caseway.gateway.dispatch.outbox.PoisonMessages;
import org.caseway.gateway.identity.AgencyIdentifier;
import org.caseway.gateway.identity.IdentityLearner;
import org.caseway.gateway.identity.PatientFacts;
import org.caseway.gateway.ledger.DisclosureLedger;
import org.caseway.gateway.ledger.LedgerEntries;
import org.caseway.gateway.ledger.MarkerDisclosures;
import org.caseway.gateway.ledger.PendingEntry;
import org.caseway.gateway.policy.PolicyDecision;
import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dispatches accepted messages from the journal, a polled batch at a time, in the order polled
 * (so each person's messages in the order accepted): for each, learn identity links from it and
 * decide for every partner but its source; then, in one transaction for the whole batch, record
 * every disclosure and withholding and put every disclosure in the delivery outbox. The outbox's
 * workers deliver them.
 *
 * <p>Returns once that transaction has committed; the caller then commits the journal offsets, so
 * a crash before leaves the batch to be taken again, which records and queues nothing new (stable
 * ids). A message that cannot be read, or that the policy engine fails on, is set aside as a poison
 * message with the reason (to be replayed once the cause is fixed) and the messages behind it keep
 * flowing; so is one whose decisions cannot be recorded, found by recording the batch's messages
 * one at a time when recording them together fails. A failure of the database is not the message's
 * fault and propagates, so the batch is taken again.
 */
public class MessageDispatcher {

  private static final Logger log = LoggerFactory.getLogger(MessageDispatcher.class);

  private final FhirContext fhir;
  private final IdentityLearner identities;
  private final RecipientDecisions decisions;
  private final DisclosureLedger ledger;
  private final MarkerDisclosures markers;
  private final DeliveryOutbox outbox;
  private final DeliveryWorkers workers;
  private final PoisonMessages poison;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public MessageDispatcher(FhirContext fhir, IdentityLearner identities, RecipientDecisions decisions,
      DisclosureLedger ledger, MarkerDisclosures markers, DeliveryOutbox outbox, DeliveryWorkers workers,
      PoisonMessages poison, TransactionTemplate transaction, Clock clock) {
    this.fhir = fhir;
    this.identities = identities;
    this.decisions = decisions;
    this.ledger = ledger;
    this.markers = markers;
    this.outbox = outbox;
    this.workers = workers;
    this.poison = poison;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** Dispatches the records of one poll of the journal (Camel's Kafka consumer in batching mode). */
  public void dispatchPolled(@Body List<Exchange> records) {
    dispatchAll(records.stream().map(JournaledMessage::of).toList());
  }

  /**
   * Dispatches one message now, as if taken from the journal (a poison message replayed).
   *
   * @return true if dispatched, false if set aside again as a poison message
   */
  public boolean dispatch(String json, String subjectKey, String messageId, String sourceId, String event) {
    return dispatchAll(List.of(new JournaledMessage(json, subjectKey, messageId, sourceId, event))) == 1;
  }

  /**
   * Dispatches {@code batch} in order; what cannot be dispatched is set aside as a poison message.
   *
   * @return how many were dispatched
   */
  int dispatchAll(List<JournaledMessage> batch) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    List<Decided> decided = new ArrayList<>(batch.size());
    for (JournaledMessage journaled : batch) {
      decide(journaled, now).ifPresent(decided::add);
    }
    Recorded recorded = recordAndQueueAll(decided, now);
    workers.wake(recorded.recipients());
    return recorded.messages();
  }

  /** Reads the message, learns from it and decides for every recipient; empty if set aside. */
  private Optional<Decided> decide(JournaledMessage journaled, Instant now) {
    try {
      Bundle message = fhir.newJsonParser().parseResource(Bundle.class, journaled.json());
      identities.learnFrom(message, journaled.messageId());
      return Optional.of(new Decided(journaled, message, decisions.decide(message, journaled.sourceId(), now)));
    } catch (DataAccessException databaseDown) {
      throw databaseDown;
    } catch (RuntimeException cannotHandle) {
      setAside(journaled, cannotHandle, now);
      return Optional.empty();
    }
  }

  /**
   * Records and queues the batch in one transaction; if that fails for a reason other than the
   * database, each message on its own, setting aside the one that cannot be recorded.
   */
  private Recorded recordAndQueueAll(List<Decided> batch, Instant now) {
    if (batch.isEmpty()) {
      return new Recorded(0, Set.of());
    }
    try {
      return transaction.execute(status -> {
        Set<String> recipients = new HashSet<>();
        batch.forEach(d -> recipients.addAll(recordAndQueue(d, now)));
        return new Recorded(batch.size(), recipients);
      });
    } catch (DataAccessException databaseDown) {
      throw databaseDown;
    } catch (RuntimeException oneOfThem) {
      log.warn("Could not record the batch of {} messages together ({}); recording each alone", batch.size(),
          oneOfThem.getClass().getSimpleName());
    }
    int messages = 0;
    Set<String> recipients = new HashSet<>();
    for (Decided d : batch) {
      try {
        recipients.addAll(transaction.execute(status -> recordAndQueue(d, now)));
        messages++;
      } catch (DataAccessException databaseDown) {
        throw databaseDown;
      } catch (RuntimeException cannotRecord) {
        setAside(d.journaled(), cannotRecord, now);
      }
    }
    return new Recorded(messages, recipients);
  }

  private Set<String> recordAndQueue(Decided decided, Instant now) {
    Bundle message = decided.message();
    String messageId = decided.journaled().messageId();
    List<Set<AgencyIdentifier>> people =
        PatientFacts.of(message).stream().map(p -> Set.copyOf(p.identifiers())).toList();
    List<PendingEntry> entries = decided.decisions().stream()
        .flatMap(d -> LedgerEntries.of(d, viewIds(d), now, people).stream()).toList();
    if (!ledger.recordOnce(messageId, entries)) {
      log.info("Message {} was recorded before (taken from the journal again); queued once", messageId);
    }
    // Idempotent (disclosure ids are stable), so a message taken again remembers the same firsts.
    decided.decisions().forEach(d -> d.disclosures().forEach(x -> markers.rememberFirst(d.recipientId(), x.view(), now)));
    return outbox.enqueue(messageId, decided.decisions(), decided.journaled().subjectKey(),
        decided.journaled().event(), now);
  }

  private void setAside(JournaledMessage journaled, RuntimeException cause, Instant now) {
    String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    String json = journaled.json();
    String messageId = journaled.messageId();
    String id = messageId == null || messageId.isBlank()
        ? "unidentified-" + Integer.toHexString(json == null ? 0 : json.hashCode())
        : messageId;
    poison.setAside(id, journaled.sourceId(), journaled.subjectKey(), journaled.event(), json, reason, now);
    log.error("Message {} from {} set aside as a poison message (dispatch could not handle it): {}", id,
        journaled.sourceId(), cause.getClass().getSimpleName());
  }

  /** How many messages of a batch were recorded, and the recipients their deliveries wait for. */
  private record Recorded(int messages, Set<String> recipients) {}

  /** A message read and decided, waiting to be recorded with the rest of its batch. */
  private record Decided(JournaledMessage journaled, Bundle message, List<PolicyDecision> decisions) {}

  private static List<String> viewIds(PolicyDecision decision) {
    return decision.disclosures().stream().map(d -> d.view().getIdElement().getIdPart()).toList();
  }
}
