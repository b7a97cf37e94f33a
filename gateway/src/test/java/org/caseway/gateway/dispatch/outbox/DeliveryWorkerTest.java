package org.caseway.gateway.dispatch.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.delivery.DeliveryException;
import org.caseway.gateway.delivery.DeliveryProperties;
import org.caseway.gateway.delivery.DeliveryTarget;
import org.caseway.gateway.delivery.DeliveryTransport;
import org.caseway.gateway.delivery.DeliveryTransports;
import org.caseway.gateway.dispatch.DisclosureDelivery;
import org.caseway.gateway.dispatch.outbox.DeadLetterLog.Action;
import org.caseway.gateway.dispatch.outbox.OutboxEntry.State;
import org.caseway.gateway.partner.Partner;
import org.caseway.gateway.partner.PartnerDirectory;
import org.caseway.gateway.partner.PartnerStatus;
import org.caseway.gateway.policy.Disclosure;
import org.caseway.gateway.support.CountingTransactions;
import org.caseway.gateway.support.TestDatabase;
import org.caseway.mappings.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox worker on a real (H2) database with a scripted transport and a clock the test moves:
 * order per person, what a retry holds back and what it does not, backoff and Retry-After, dead
 * letters, the circuit breaker, claims between instances, and replay.
 */
class DeliveryWorkerTest {

  static final String PROBATION = "northshire-probation";
  static final DeliveryProperties SETTINGS = new DeliveryProperties(true, Duration.ofSeconds(1), Duration.ofMinutes(5),
      Duration.ofHours(24), 3, Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMillis(10), 20, 1, null);

  private static final ca.uhn.fhir.context.FhirContext FHIR = ImplementationGuide.load().fhirContext();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-03T10:00:00Z"));
  private final ScriptedTransport transport = new ScriptedTransport();
  private final Partners partners = new Partners();
  private OutboxStore store;
  private DeadLetterLog events;
  private TransactionTemplate transaction;
  private TestDatabase db;

  @BeforeEach
  void freshDatabase() {
    db = TestDatabase.migrated();
    store = new OutboxStore(db.jdbc());
    events = new DeadLetterLog(db.jdbc());
    transaction = db.transactions();
  }

  @Test
  void deliversInTheOrderDecidedAndKeepsNoViewOnceDelivered() {
    enqueue("a1", "person-a");
    enqueue("b1", "person-b");
    enqueue("a2", "person-a");

    worker("one").round();
    worker("one").round();

    assertThat(transport.delivered).containsExactly("a1", "b1", "a2");
    assertThat(store.find("a2").orElseThrow()).satisfies(e -> {
      assertThat(e.state()).isEqualTo(State.DELIVERED);
      assertThat(e.viewJson()).as("nothing kept of what was delivered").isNull();
    });
  }

  @Test
  void aRoundIsClaimedInOneTransactionAndSettledInAnother() {
    for (String person : List.of("p1", "p2", "p3", "p4", "p5")) {
      enqueue("d-" + person, person);
    }
    CountingTransactions counting = new CountingTransactions(transaction.getTransactionManager());
    transaction = new TransactionTemplate(counting);

    worker("one").round();

    assertThat(transport.delivered).hasSize(5);
    assertThat(counting.commits()).as("one commit for the claims, one for the outcomes: not two per delivery")
        .isEqualTo(2);
  }

  @Test
  void aRoundThatRunsPastHalfItsLeaseLetsGoOfWhatItHasNotStartedForTheNextRound() {
    enqueue("a1", "person-a");
    enqueue("b1", "person-b");
    transport.whileDelivering = () -> clock.advance(SETTINGS.claimLease().dividedBy(2).plusSeconds(1));

    worker("one").round();
    assertThat(transport.delivered).as("b1 not started so late in the lease").containsExactly("a1");
    assertThat(store.find("b1").orElseThrow().state()).isEqualTo(State.PENDING);

    transport.whileDelivering = () -> {};
    worker("one").round();
    assertThat(transport.delivered).as("let go, so the next round takes it at once").containsExactly("a1", "b1");
  }

  @Test
  void anOutcomeThatCannotBeRecordedWithTheOthersHoldsNoneOfThemBack() {
    enqueue("a1", "person-a");
    enqueue("b1", "person-b");
    enqueue("c1", "person-c");
    long b1 = store.find("b1").orElseThrow().seq();
    store = new OutboxStore(db.jdbc()) {
      private int failures;

      @Override
      void delivered(long seq, Instant at) {
        // Refused with the round's others, then alone; recorded at its next attempt.
        if (seq == b1 && failures++ < 2) {
          throw new org.springframework.dao.DataIntegrityViolationException("b1 cannot be recorded this time");
        }
        super.delivered(seq, at);
      }
    };

    worker("one").round();

    assertThat(store.find("a1").orElseThrow().state()).isEqualTo(State.DELIVERED);
    assertThat(store.find("c1").orElseThrow().state()).isEqualTo(State.DELIVERED);
    assertThat(store.find("b1").orElseThrow().state()).as("still pending, held until its claim runs out")
        .isEqualTo(State.PENDING);
    worker("one").round();
    assertThat(transport.delivered).as("not taken again while the claim holds").containsExactly("a1", "b1", "c1");

    clock.advance(SETTINGS.claimLease().plusSeconds(1));
    worker("one").round();
    assertThat(transport.delivered).as("attempted again once the claim ran out").containsExactly("a1", "b1", "c1", "b1");
    assertThat(store.find("b1").orElseThrow().state()).isEqualTo(State.DELIVERED);
  }

  @Test
  void aDeliveryWaitingForItsRetryHoldsBackThatPersonsLaterOnesAndNoOneElses() {
    enqueue("a1", "person-a");
    enqueue("a2", "person-a");
    enqueue("b1", "person-b");
    transport.failNext("a1", new DeliveryException(true, "connection refused"));

    DeliveryWorker worker = worker("one");
    worker.round();
    worker.round();

    assertThat(transport.delivered).containsExactly("b1");
    assertThat(store.find("a1").orElseThrow().attempts()).isEqualTo(1);
    assertThat(store.find("a2").orElseThrow().attempts()).as("not even tried").isZero();

    clock.advance(Duration.ofSeconds(2));
    worker.round();
    worker.round();

    assertThat(transport.delivered).containsExactly("b1", "a1", "a2");
  }

  @Test
  void waitsAsLongAsTheRecipientsRetryAfterSays() {
    enqueue("a1", "person-a");
    transport.failNext("a1", new DeliveryException(true, "429", Optional.of(Duration.ofSeconds(7)), null));
    DeliveryWorker worker = worker("one");
    worker.round();

    clock.advance(Duration.ofSeconds(6));
    worker.round();
    assertThat(transport.delivered).isEmpty();

    clock.advance(Duration.ofSeconds(2));
    worker.round();
    assertThat(transport.delivered).containsExactly("a1");
  }

  @Test
  void backsOffLongerAfterEachFailure() {
    enqueue("a1", "person-a");
    DeliveryWorker worker = worker("one");
    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      transport.failNext("a1", new DeliveryException(true, "503"));
      Instant before = clock.instant();
      worker.round();
      Duration wait = Duration.between(before, store.find("a1").orElseThrow().nextAttemptAt());
      waits.add(wait);
      clock.advance(wait);
    }

    assertThat(waits.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(waits.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(waits.get(2)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void aPermanentRefusalIsADeadLetterWithItsReasonAndThePersonsNextOneGoesOn() {
    enqueue("a1", "person-a");
    enqueue("a2", "person-a");
    transport.failNext("a1", new DeliveryException(false, "northshire-mh-trust answered 422"));

    DeliveryWorker worker = worker("one");
    worker.round();
    worker.round();

    assertThat(store.find("a1").orElseThrow()).satisfies(e -> {
      assertThat(e.state()).isEqualTo(State.DEAD);
      assertThat(e.lastError()).contains("422");
    });
    assertThat(events.of("a1")).extracting(DeadLetterLog.Event::action).containsExactly(Action.DEAD_LETTERED);
    assertThat(transport.delivered).containsExactly("a2");
  }

  @Test
  void aDeliveryTheGatewayFailsOnUnexpectedlyIsADeadLetterWithTheCauseAndThePersonsNextOneGoesOn() {
    enqueue("a1", "person-a");
    enqueue("a2", "person-a");
    transport.failNext("a1", new IllegalStateException("the outbound mapping broke"));

    DeliveryWorker worker = worker("one");
    worker.round();
    worker.round();

    assertThat(store.find("a1").orElseThrow()).satisfies(e -> {
      assertThat(e.state()).isEqualTo(State.DEAD);
      assertThat(e.lastError()).contains("IllegalStateException: the outbound mapping broke", "replay it");
    });
    assertThat(events.of("a1")).extracting(DeadLetterLog.Event::action).containsExactly(Action.DEAD_LETTERED);
    assertThat(transport.delivered).as("not held back behind a claim nobody settles").containsExactly("a2");
  }

  @Test
  void aDatabaseFailureDuringAnAttemptIsTriedAgainLater() {
    enqueue("a1", "person-a");
    transport.failNext("a1", new org.springframework.dao.DataAccessResourceFailureException("connection lost"));

    DeliveryWorker worker = worker("one");
    worker.round();
    assertThat(store.find("a1").orElseThrow()).satisfies(e -> {
      assertThat(e.state()).isEqualTo(State.PENDING);
      assertThat(e.attempts()).isEqualTo(1);
      assertThat(e.lastError()).contains("database");
    });

    clock.advance(Duration.ofSeconds(2));
    worker.round();
    assertThat(transport.delivered).containsExactly("a1");
  }

  @Test
  void aDeliveryFailingForLongerThanTheGiveUpTimeBecomesADeadLetter() {
    enqueue("a1", "person-a");
    clock.advance(Duration.ofHours(25));
    transport.failNext("a1", new DeliveryException(true, "503"));

    worker("one").round();

    assertThat(store.find("a1").orElseThrow().state()).isEqualTo(State.DEAD);
    assertThat(store.find("a1").orElseThrow().lastError()).startsWith("still failing after PT24H");
  }

  @Test
  void theCircuitOpensAfterFailuresInARowAndLetsOneTrialThroughLater() {
    for (String person : List.of("p1", "p2", "p3", "p4")) {
      enqueue("d-" + person, person);
      transport.failNext("d-" + person, new DeliveryException(true, "connection refused"));
    }
    DeliveryWorker worker = worker("one");

    worker.round();
    assertThat(transport.attempts).as("three failures open the circuit: the fourth is not tried").isEqualTo(3);

    clock.advance(Duration.ofSeconds(10));
    worker.round();
    assertThat(transport.attempts).as("still open").isEqualTo(3);

    clock.advance(Duration.ofSeconds(25));
    transport.succeedAll = true;
    worker.round();
    assertThat(transport.delivered).hasSize(4);
  }

  @Test
  void aDeliveryOneInstanceHoldsIsNotTakenByAnother() {
    enqueue("a1", "person-a");
    Instant now = clock.instant();
    assertThat(store.claim(store.find("a1").orElseThrow().seq(), "other-instance", now, now.plus(Duration.ofMinutes(2))))
        .isTrue();

    worker("one").round();
    assertThat(transport.attempts).isZero();

    clock.advance(Duration.ofMinutes(3));
    worker("one").round();
    assertThat(transport.delivered).as("the other instance died: its lease ran out").containsExactly("a1");
  }

  @Test
  void aRecipientThatIsNotActiveIsNotDeliveredToAndItsDeliveriesWait() {
    enqueue("a1", "person-a");
    partners.status = PartnerStatus.SUSPENDED;

    worker("one").round();
    assertThat(transport.attempts).isZero();

    partners.status = PartnerStatus.ACTIVE;
    worker("one").round();
    assertThat(transport.delivered).containsExactly("a1");
  }

  @Test
  void aReplayedDeadLetterIsDeliveredAndTheReplayIsRecordedWithWhoAndWhy() {
    enqueue("a1", "person-a");
    transport.failNext("a1", new DeliveryException(false, "422"));
    worker("one").round();
    DeadLetters letters = new DeadLetters(store, null, events, transaction, (j, k, m, s, e) -> true,
        new DeliveryWorkers(Map.of(), List.of()), clock);

    assertThat(letters.replayDelivery("a1", "dsm (northshire-data-sharing-manager)", "the trust fixed its profile"))
        .isTrue();
    worker("one").round();

    assertThat(transport.delivered).containsExactly("a1");
    assertThat(events.of("a1")).extracting(DeadLetterLog.Event::action, DeadLetterLog.Event::actor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Action.DEAD_LETTERED, DeadLetterLog.GATEWAY),
            org.assertj.core.groups.Tuple.tuple(Action.REPLAYED, "dsm (northshire-data-sharing-manager)"));
    assertThat(letters.replayDelivery("a1", "dsm", "again")).as("only a dead letter is replayed").isFalse();
  }

  @Test
  void aDiscardedDeadLetterKeepsNoViewAndIsNeverDelivered() {
    enqueue("a1", "person-a");
    transport.failNext("a1", new DeliveryException(false, "422"));
    worker("one").round();
    DeadLetters letters = new DeadLetters(store, null, events, transaction, (j, k, m, s, e) -> true,
        new DeliveryWorkers(Map.of(), List.of()), clock);

    assertThat(letters.discardDelivery("a1", "dsm", "the partner has the incident from elsewhere")).isTrue();
    worker("one").round();

    assertThat(store.find("a1").orElseThrow()).satisfies(e -> {
      assertThat(e.state()).isEqualTo(State.DISCARDED);
      assertThat(e.viewJson()).isNull();
    });
    assertThat(transport.delivered).isEmpty();
  }

  @Test
  void retriesSurviveARestartForTheirStateIsInTheDatabase() {
    enqueue("a1", "person-a");
    transport.failNext("a1", new DeliveryException(true, "503"));
    worker("before-restart").round();

    clock.advance(Duration.ofSeconds(2));
    worker("after-restart").round();

    assertThat(transport.delivered).containsExactly("a1");
    assertThat(store.find("a1").orElseThrow().attempts()).isEqualTo(2);
  }

  @Test
  void withLanesDifferentPeoplesDeliveriesGoAtOnceWhileEachPersonsStayInOrder() {
    for (int i = 1; i <= 3; i++) {
      for (String person : List.of("a", "b", "c", "d")) {
        enqueue(person + i, "person-" + person);
      }
    }
    ConcurrentTransport concurrent = new ConcurrentTransport(4);
    try (DeliveryLanes lanes = DeliveryLanes.of(PROBATION, 4)) {
      DeliveryWorker worker = new DeliveryWorker(PROBATION, store, events, transaction,
          new DisclosureDelivery(new DeliveryTransports(List.of(concurrent))), partners, FHIR,
          new Backoff(SETTINGS.retryBackoff(), SETTINGS.maxBackoff(), max -> max), SETTINGS, "lanes", clock, lanes);

      assertThat(worker.round()).as("one delivery per person in a round").isEqualTo(4);
      worker.round();
      worker.round();
    }

    assertThat(concurrent.mostAtOnce.get()).as("four people's deliveries in flight together").isEqualTo(4);
    for (String person : List.of("a", "b", "c", "d")) {
      assertThat(concurrent.delivered.stream().filter(id -> id.startsWith(person)).toList())
          .containsExactly(person + "1", person + "2", person + "3");
    }
  }

  @Test
  void lanesMustBeOneOrMore() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DeliveryProperties(true, Duration.ofSeconds(1),
            Duration.ofMinutes(5), Duration.ofHours(24), 3, Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofMillis(10), 20, 4, Map.of(PROBATION, 0)))
        .hasMessageContaining("caseway.delivery.partner-lanes.northshire-probation is 0");
  }

  // ---- the machinery ----

  /**
   * A transport whose deliveries wait for each other: each round's {@code expected} deliveries
   * return only once all of them are in flight together (or after 10 s, which the test then sees
   * as fewer at once), so the count it records is what the lanes really allowed.
   */
  static final class ConcurrentTransport implements DeliveryTransport {
    final List<String> delivered = java.util.Collections.synchronizedList(new ArrayList<>());
    final java.util.concurrent.atomic.AtomicInteger mostAtOnce = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final int expected;
    private java.util.concurrent.CyclicBarrier together;

    ConcurrentTransport(int expected) {
      this.expected = expected;
      this.together = new java.util.concurrent.CyclicBarrier(expected);
    }

    @Override
    public String type() {
      return "scripted";
    }

    @Override
    public void deliver(Disclosure disclosure, DeliveryTarget target) {
      mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        together.await(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.BrokenBarrierException | java.util.concurrent.TimeoutException alone) {
        // fewer than expected came at once: mostAtOnce says how many
      } finally {
        inFlight.decrementAndGet();
      }
      delivered.add(disclosure.view().getIdElement().getIdPart());
    }
  }


  private void enqueue(String deliveryId, String subjectKey) {
    String view = "{\"resourceType\":\"Bundle\",\"id\":\"" + deliveryId + "\",\"type\":\"message\"}";
    store.insertIfNew(deliveryId, "m-" + deliveryId, PROBATION, subjectKey, "incident-reported", "ISA-IOM", 1, "IOM",
        view, clock.instant());
    clock.advance(Duration.ofMillis(1));
  }

  private final Map<String, DeliveryWorker> workers = new HashMap<>();

  /** One worker per instance name, kept between rounds as a running instance keeps its own. */
  private DeliveryWorker worker(String instance) {
    return workers.computeIfAbsent(instance, name -> new DeliveryWorker(PROBATION, store, events, transaction,
        new DisclosureDelivery(new DeliveryTransports(List.of(transport))), partners,
        FHIR, new Backoff(SETTINGS.retryBackoff(), SETTINGS.maxBackoff(), max -> max),
        SETTINGS, name, clock, DeliveryLanes.of(PROBATION, 1)));
  }

  static final class ScriptedTransport implements DeliveryTransport {
    final Map<String, RuntimeException> failures = new HashMap<>();
    final List<String> delivered = new ArrayList<>();
    int attempts;
    boolean succeedAll;
    Runnable whileDelivering = () -> {};

    void failNext(String deliveryId, RuntimeException failure) {
      failures.put(deliveryId, failure);
    }

    @Override
    public String type() {
      return "scripted";
    }

    @Override
    public void deliver(Disclosure disclosure, DeliveryTarget target) {
      attempts++;
      whileDelivering.run();
      String id = disclosure.view().getIdElement().getIdPart();
      RuntimeException failure = succeedAll ? null : failures.remove(id);
      if (failure != null) {
        throw failure;
      }
      delivered.add(id);
    }
  }

  static final class Partners implements PartnerDirectory {
    PartnerStatus status = PartnerStatus.ACTIVE;

    @Override
    public Optional<Partner> find(String partnerId) {
      return Optional.of(new Partner(PROBATION, "Probation", status, List.of(), List.of(),
          Map.of("out", Map.of("type", "scripted"))));
    }

    @Override
    public Collection<Partner> all() {
      return List.of(find(PROBATION).orElseThrow());
    }
  }
}
