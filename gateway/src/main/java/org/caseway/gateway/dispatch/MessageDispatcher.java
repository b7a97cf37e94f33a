package org.caseway.gateway.dispatch;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.component.kafka.KafkaConstants;
import org.caseway.gateway.identity.AgencyIdentifier;
import org.caseway.gateway.identity.IdentityLearner;
import org.caseway.gateway.identity.PatientFacts;
import org.caseway.gateway.journal.JournalRecords;
import org.caseway.gateway.ledger.DisclosureLedger;
import org.caseway.gateway.ledger.LedgerEntries;
import org.caseway.gateway.ledger.MarkerDisclosures;
import org.caseway.gateway.ledger.PendingEntry;
import org.caseway.gateway.partner.PartnerDirectory;
import org.caseway.gateway.policy.Disclosure;
import org.caseway.gateway.policy.PolicyDecision;
import org.caseway.gateway.policy.PolicyException;
import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches one accepted message from the journal: learn identity links from it, decide for every
 * partner but its source, record every disclosure and withholding, deliver every disclosure.
 *
 * <p>Returns only once the decisions are recorded and every delivery is handed over (or refused
 * permanently); the caller then commits the journal offset. Taking the same message again records
 * nothing new and re-sends the same disclosure ids, which recipients deduplicate.
 */
public class MessageDispatcher {

  private static final Logger log = LoggerFactory.getLogger(MessageDispatcher.class);

  private final FhirContext fhir;
  private final IdentityLearner identities;
  private final RecipientDecisions decisions;
  private final DisclosureLedger ledger;
  private final DisclosureDelivery delivery;
  private final PartnerDirectory partners;
  private final MarkerDisclosures markers;
  private final Clock clock;

  public MessageDispatcher(FhirContext fhir, IdentityLearner identities, RecipientDecisions decisions,
      DisclosureLedger ledger, DisclosureDelivery delivery, PartnerDirectory partners, MarkerDisclosures markers,
      Clock clock) {
    this.fhir = fhir;
    this.identities = identities;
    this.decisions = decisions;
    this.ledger = ledger;
    this.delivery = delivery;
    this.partners = partners;
    this.markers = markers;
    this.clock = clock;
  }

  public void dispatch(
      @Body String json,
      @Header(KafkaConstants.KEY) String subjectKey,
      @Header(JournalRecords.MESSAGE_ID_HEADER) String messageId,
      @Header(JournalRecords.SOURCE_HEADER) String sourceId,
      @Header(JournalRecords.EVENT_HEADER) String event) {
    Bundle message = read(json, messageId);
    if (message == null) {
      return;
    }
    identities.learnFrom(message, messageId);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    List<PolicyDecision> decided = decide(message, sourceId, messageId, now);
    if (decided == null) {
      return;
    }
    record(message, messageId, decided, now);
    deliverAll(decided, subjectKey, event);
  }

  private Bundle read(String json, String messageId) {
    try {
      return fhir.newJsonParser().parseResource(Bundle.class, json);
    } catch (DataFormatException e) {
      // TODO(issue 5): to the dead-letter store instead of only the log.
      log.error("Journal message {} is unreadable and was not dispatched: {}", messageId, e.getMessage());
      return null;
    }
  }

  private List<PolicyDecision> decide(Bundle message, String sourceId, String messageId, Instant now) {
    try {
      return decisions.decide(message, sourceId, now);
    } catch (PolicyException e) {
      // TODO(issue 5): a poison message goes to the dead-letter store with this reason.
      log.error("Policy engine could not evaluate message {}; not dispatched: {}", messageId, e.getMessage());
      return null;
    }
  }

  private void record(Bundle message, String messageId, List<PolicyDecision> decided, Instant now) {
    List<Set<AgencyIdentifier>> people =
        PatientFacts.of(message).stream().map(p -> Set.copyOf(p.identifiers())).toList();
    List<PendingEntry> entries =
        decided.stream()
            .flatMap(d -> LedgerEntries.of(d, viewIds(d), now, people).stream())
            .toList();
    if (!ledger.recordOnce(messageId, entries)) {
      log.info("Message {} was recorded before (taken from the journal again); delivering again", messageId);
    }
    // Idempotent (disclosure ids are stable), so a message taken again remembers the same firsts.
    decided.forEach(d -> d.disclosures().forEach(x -> markers.rememberFirst(d.recipientId(), x.view(), now)));
  }

  private static List<String> viewIds(PolicyDecision decision) {
    return decision.disclosures().stream().map(d -> d.view().getIdElement().getIdPart()).toList();
  }

  private void deliverAll(List<PolicyDecision> decided, String subjectKey, String event) {
    for (PolicyDecision decision : decided) {
      for (Disclosure disclosure : decision.disclosures()) {
        partners
            .find(decision.recipientId())
            .ifPresent(recipient -> delivery.deliver(disclosure, recipient, subjectKey, event));
      }
    }
  }
}
