package org.caseway.gateway.dispatch.outbox;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.caseway.gateway.delivery.DeliveryProperties;
import org.caseway.gateway.dispatch.DisclosureDelivery;
import org.caseway.gateway.dispatch.DisclosureDelivery.Outcome;
import org.caseway.gateway.dispatch.outbox.DeadLetterLog.Action;
import org.caseway.gateway.dispatch.outbox.DeadLetterLog.Kind;
import org.caseway.gateway.partner.Partner;
import org.caseway.gateway.partner.PartnerDirectory;
import org.caseway.gateway.policy.Disclosure;
import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers one recipient's outbox: takes the deliveries that are due, each the first pending one of
 * its person, claims each for this instance, attempts it, and settles it: delivered, retried later
 * (backoff, or the recipient's {@code Retry-After}), or a dead letter (refused for good, or failing
 * for longer than {@code give-up-after}). Its own {@link CircuitBreaker} stops attempts to a
 * recipient that keeps failing. One worker per recipient, so one recipient down slows no other.
 *
 * <p>A round's deliveries are each about another person, so they may go at once: up to {@code
 * lanes} of them are in flight together (see {@code caseway.delivery.lanes}), and the round ends
 * when all are settled. A person's next delivery is only taken once the one before it is settled,
 * so each person's order holds whatever the lanes.
 *
 * <p>A recipient that is not active is not delivered to: its deliveries wait (rule 6 already
 * withholds what is decided while it is suspended). State lives in the database, so retries survive
 * a restart and any instance can take over.
 */
final class DeliveryWorker implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

  private final String recipientId;
  private final OutboxStore store;
  private final DeadLetterLog events;
  private final TransactionTemplate transaction;
  private final DisclosureDelivery delivery;
  private final PartnerDirectory partners;
  private final FhirContext fhir;
  private final Backoff backoff;
  private final CircuitBreaker breaker;
  private final DeliveryProperties settings;
  private final String instance;
  private final Clock clock;
  private final Executor lanes;
  private final Object signal = new Object();
  private boolean woken;
  private volatile boolean running = true;

  DeliveryWorker(String recipientId, OutboxStore store, DeadLetterLog events, TransactionTemplate transaction,
      DisclosureDelivery delivery, PartnerDirectory partners, FhirContext fhir, Backoff backoff,
      DeliveryProperties settings, String instance, Clock clock, Executor lanes) {
    this.recipientId = recipientId;
    this.store = store;
    this.events = events;
    this.transaction = transaction;
    this.delivery = delivery;
    this.partners = partners;
    this.fhir = fhir;
    this.backoff = backoff;
    this.breaker = new CircuitBreaker(settings.breakerThreshold(), settings.breakerOpenFor(), settings.maxBackoff());
    this.settings = settings;
    this.instance = instance;
    this.clock = clock;
    this.lanes = lanes;
  }

  @Override
  public void run() {
    while (running) {
      int settled;
      try {
        settled = round();
      } catch (RuntimeException fault) {
        log.error("Delivery worker for {} failed a round; trying again", recipientId, fault);
        settled = 0;
      }
      if (settled == 0) {
        idle();
      }
    }
  }

  /** New deliveries are waiting: look now rather than at the next poll. */
  void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  void stop() {
    running = false;
    wake();
  }

  /**
   * One round: the deliveries that may go now. They are claimed together in one transaction,
   * attempted in the lanes, and settled together in another, so a round of twenty costs two
   * commits, not forty. Returns how many were settled.
   */
  int round() {
    Instant now = clock.instant();
    Optional<Partner> recipient = partners.find(recipientId).filter(Partner::isActive);
    if (recipient.isEmpty() || breaker.isOpen(now)) {
      return 0;
    }
    List<OutboxEntry> claimed = claimHeads(now);
    // An attempt starts only in the first half of the claims' lease, so it ends (within the
    // channel's timeout, which the lease exceeds) before another instance may take the delivery.
    Instant lastStart = now.plus(settings.claimLease().dividedBy(2));
    List<CompletableFuture<Settlement>> inFlight = new ArrayList<>();
    for (OutboxEntry entry : claimed) {
      inFlight.add(CompletableFuture.supplyAsync(() -> attemptUnlessOpen(entry, recipient.get(), lastStart), lanes));
    }
    List<Settlement> settlements = awaitAll(inFlight);
    settleAll(settlements);
    return settlements.size();
  }

  /** The heads of the recipient's queue that this instance could take, each held until its lease ends. */
  private List<OutboxEntry> claimHeads(Instant now) {
    List<OutboxEntry> heads = store.heads(recipientId, now, settings.batchSize());
    if (heads.isEmpty()) {
      return heads;
    }
    Instant until = now.plus(settings.claimLease());
    return transaction.execute(status -> heads.stream()
        .filter(entry -> running && store.claim(entry.seq(), instance, now, until))
        .toList());
  }

  /** Waits for every delivery of the round; then, if any failed unexpectedly, throws its fault. */
  private static List<Settlement> awaitAll(List<CompletableFuture<Settlement>> inFlight) {
    try {
      CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException failed) {
      throw failed.getCause() instanceof RuntimeException fault ? fault : failed;
    }
    return inFlight.stream().map(CompletableFuture::join).toList();
  }

  /**
   * Attempts one claimed delivery, unless the circuit opened during the round or the round has run
   * past {@code lastStart} (the claim is then let go, for the next round), and tells the circuit
   * what came of it at once, so the round's later attempts see it.
   */
  private Settlement attemptUnlessOpen(OutboxEntry entry, Partner recipient, Instant lastStart) {
    Instant at = clock.instant();
    if (!running || breaker.isOpen(at) || at.isAfter(lastStart)) {
      return Settlement.notAttempted(entry);
    }
    Outcome outcome = attempt(entry, recipient);
    Instant now = clock.instant();
    if (outcome.delivered()) {
      breaker.succeeded();
      return new Settlement(entry, Settlement.Settled.DELIVERED, null, null, now);
    }
    if (outcome.transientFailure() && now.isBefore(entry.createdAt().plus(settings.giveUpAfter()))) {
      Duration wait = backoff.after(entry.attempts() + 1, outcome.retryAfter());
      if (breaker.failed(now)) {
        log.warn("Circuit to {} open until {}: no attempts to it until then", recipientId, breaker.openUntil());
      }
      return new Settlement(entry, Settlement.Settled.RETRY, outcome.reason(), now.plus(wait), now);
    }
    String reason = outcome.transientFailure()
        ? "still failing after " + settings.giveUpAfter() + ": " + outcome.reason()
        : outcome.reason();
    return new Settlement(entry, Settlement.Settled.DEAD, reason, null, now);
  }

  /**
   * Records what came of the round's attempts in one transaction. Should that fail, each is tried
   * in a transaction of its own, so one that cannot be recorded holds back no other; one that is
   * still not recorded keeps its claim until the lease runs out, and is then attempted again.
   */
  private void settleAll(List<Settlement> settlements) {
    if (settlements.isEmpty()) {
      return;
    }
    try {
      transaction.executeWithoutResult(status -> settlements.forEach(this::record));
    } catch (RuntimeException together) {
      log.warn("Could not record the round's {} deliveries to {} together ({}); recording each alone",
          settlements.size(), recipientId, together.getClass().getSimpleName());
      for (Settlement settlement : settlements) {
        try {
          transaction.executeWithoutResult(status -> record(settlement));
        } catch (RuntimeException alone) {
          log.error("Could not record the outcome of delivery {} to {}; it is attempted again once its claim"
              + " runs out", settlement.entry().deliveryId(), recipientId, alone);
          continue;
        }
        report(settlement);
      }
      return;
    }
    settlements.forEach(this::report);
  }

  private void record(Settlement settlement) {
    OutboxEntry entry = settlement.entry();
    Instant at = settlement.at();
    switch (settlement.settled()) {
      case DELIVERED -> store.delivered(entry.seq(), at);
      case RETRY -> store.retryLater(entry.seq(), settlement.nextAttempt(), settlement.reason(), at);
      case DEAD -> {
        store.dead(entry.seq(), true, settlement.reason(), at);
        events.add(entry.deliveryId(), Kind.DELIVERY, Action.DEAD_LETTERED, DeadLetterLog.GATEWAY,
            settlement.reason(), at);
      }
      case NOT_ATTEMPTED -> store.release(entry.seq(), instance);
    }
  }

  private void report(Settlement settlement) {
    OutboxEntry entry = settlement.entry();
    switch (settlement.settled()) {
      case DELIVERED -> log.info("Delivered {} (message {}) to {} after {} attempt(s)", entry.deliveryId(),
          entry.messageId(), recipientId, entry.attempts() + 1);
      case RETRY -> log.warn("Delivery {} to {} failed (attempt {}), next at {}: {}", entry.deliveryId(), recipientId,
          entry.attempts() + 1, settlement.nextAttempt(), settlement.reason());
      case DEAD -> log.error("Delivery {} (message {}) to {} is a dead letter: {}", entry.deliveryId(),
          entry.messageId(), recipientId, settlement.reason());
      case NOT_ATTEMPTED -> log.debug("Delivery {} to {} let go untried (the circuit opened, or the round ran"
          + " long): the next round takes it", entry.deliveryId(), recipientId);
    }
  }

  private Outcome attempt(OutboxEntry entry, Partner recipient) {
    if (entry.viewJson() == null) {
      return new Outcome(false, false, "the delivery has no view to send (it was cleared)", Optional.empty());
    }
    Bundle view;
    try {
      view = fhir.newJsonParser().parseResource(Bundle.class, entry.viewJson());
    } catch (RuntimeException unreadable) {
      return new Outcome(false, false, "the stored view cannot be read: " + unreadable.getClass().getSimpleName(),
          Optional.empty());
    }
    // The disclosure the policy engine made when the message was dispatched, as the outbox kept it.
    Disclosure disclosure = new Disclosure(entry.agreementId(), entry.agreementVersion(), entry.purpose(), view,
        Set.of(), List.of(), List.of());
    try {
      return delivery.attempt(disclosure, recipient, entry.subjectKey(), entry.event());
    } catch (DataAccessException databaseTrouble) {
      // Not the delivery's fault (the record of first markers could not be read, say): try again.
      return new Outcome(false, true, "the gateway's database failed during the attempt: "
          + databaseTrouble.getClass().getSimpleName(), Optional.empty());
    } catch (RuntimeException unexpected) {
      // A bug or a view the outbound mapping cannot handle: settled as a dead letter with the
      // reason, so the claim is let go and the person's later deliveries are not held back.
      log.error("Delivery {} to {} failed unexpectedly", entry.deliveryId(), recipientId, unexpected);
      return new Outcome(false, false, "the gateway failed on this delivery (" + unexpected.getClass().getSimpleName()
          + ": " + unexpected.getMessage() + "); replay it once the cause is fixed", Optional.empty());
    }
  }

  private void idle() {
    Instant now = clock.instant();
    long wait = settings.pollInterval().toMillis();
    if (breaker.isOpen(now)) {
      wait = Math.max(1, Math.min(wait * 10, Duration.between(now, breaker.openUntil()).toMillis()));
    }
    synchronized (signal) {
      if (!woken && running) {
        try {
          signal.wait(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
      woken = false;
    }
  }

  /**
   * What is to be recorded of one attempt.
   *
   * @param reason why it failed (retry, dead letter)
   * @param nextAttempt when to try again (retry)
   * @param at when the attempt ended
   */
  private record Settlement(OutboxEntry entry, Settled settled, String reason, Instant nextAttempt, Instant at) {

    enum Settled { DELIVERED, RETRY, DEAD, NOT_ATTEMPTED }

    static Settlement notAttempted(OutboxEntry entry) {
      return new Settlement(entry, Settled.NOT_ATTEMPTED, null, null, null);
    }
  }
}
