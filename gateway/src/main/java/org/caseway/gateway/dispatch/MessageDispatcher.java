package org.caseway.gateway.dispatch;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.component.kafka.KafkaConstants;
import org.caseway.gateway.dispatch.outbox.DeliveryOutbox;
import org.caseway.gateway.dispatch.outbox.DeliveryWorkers;
import org.caseway.gateway.dispatch.outbox.PoisonMessages;
import org.caseway.gateway.identity.AgencyIdentifier;
import org.caseway.gateway.identity.IdentityLearner;
import org.caseway.gateway.identity.PatientFacts;
import org.caseway.gateway.journal.JournalRecords;
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
 * Dispatches one accepted message from the journal: learn identity links from it, decide for every
 * partner but its source, then, in one transaction, record every disclosure and withholding and put
 * every disclosure in the delivery outbox. The outbox's workers deliver them.
 *
 * <p>Returns once that transaction has committed; the caller then commits the journal offset, so a
 * crash before leaves the message to be taken again, which records and queues nothing new (stable
 * ids). A message that cannot be read, or that the policy engine fails on, is set aside as a poison
 * message with the reason (to be replayed once the cause is fixed) and the messages behind it keep
 * flowing; a failure of the database is not the message's fault and propagates, so the message is
 * taken again.
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

  /** @return true if dispatched, false if set aside as a poison message */
  public boolean dispatch(
      @Body String json,
      @Header(KafkaConstants.KEY) String subjectKey,
      @Header(JournalRecords.MESSAGE_ID_HEADER) String messageId,
      @Header(JournalRecords.SOURCE_HEADER) String sourceId,
      @Header(JournalRecords.EVENT_HEADER) String event) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Bundle message;
    List<PolicyDecision> decided;
    try {
      message = fhir.newJsonParser().parseResource(Bundle.class, json);
      identities.learnFrom(message, messageId);
      decided = decisions.decide(message, sourceId, now);
    } catch (DataAccessException databaseDown) {
      throw databaseDown;
    } catch (RuntimeException cannotHandle) {
      setAside(json, subjectKey, messageId, sourceId, event, cannotHandle, now);
      return false;
    }
    Set<String> queued = transaction.execute(status -> recordAndQueue(message, messageId, decided, subjectKey, event, now));
    workers.wake(queued);
    return true;
  }

  private Set<String> recordAndQueue(Bundle message, String messageId, List<PolicyDecision> decided,
      String subjectKey, String event, Instant now) {
    List<Set<AgencyIdentifier>> people =
        PatientFacts.of(message).stream().map(p -> Set.copyOf(p.identifiers())).toList();
    List<PendingEntry> entries =
        decided.stream().flatMap(d -> LedgerEntries.of(d, viewIds(d), now, people).stream()).toList();
    if (!ledger.recordOnce(messageId, entries)) {
      log.info("Message {} was recorded before (taken from the journal again); queued once", messageId);
    }
    // Idempotent (disclosure ids are stable), so a message taken again remembers the same firsts.
    decided.forEach(d -> d.disclosures().forEach(x -> markers.rememberFirst(d.recipientId(), x.view(), now)));
    return outbox.enqueue(messageId, decided, subjectKey, event, now);
  }

  private void setAside(String json, String subjectKey, String messageId, String sourceId, String event,
      RuntimeException cause, Instant now) {
    String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    String id = messageId == null || messageId.isBlank() ? "unidentified-" + Integer.toHexString(json.hashCode()) : messageId;
    poison.setAside(id, sourceId, subjectKey, event, json, reason, now);
    log.error("Message {} from {} set aside as a poison message (dispatch could not handle it): {}", id, sourceId,
        cause.getClass().getSimpleName());
  }

  private static List<String> viewIds(PolicyDecision decision) {
    return decision.disclosures().stream().map(d -> d.view().getIdElement().getIdPart()).toList();
  }
}
