package org.caseway.gateway.dispatch.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseway.gateway.dispatch.outbox.DeadLetterLog.Action;
import org.caseway.gateway.dispatch.outbox.DeadLetterLog.Event;
import org.caseway.gateway.dispatch.outbox.DeadLetterLog.Kind;
import org.caseway.gateway.dispatch.outbox.OutboxEntry.State;
import org.caseway.gateway.dispatch.outbox.PoisonMessages.Poison;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dead-letter store as the data sharing manager works it: deliveries refused for good or
 * failing too long, and messages dispatch could not handle; each can be inspected, replayed (once
 * its cause is fixed) or discarded with a reason, and every such action is recorded with who and
 * why. Thread-safe.
 */
public class DeadLetters {

  /** Dispatches a message again, as the journal consumer does; false if it was set aside again. */
  @FunctionalInterface
  public interface Redispatcher {
    boolean dispatch(String json, String subjectKey, String messageId, String sourceId, String event);
  }

  private final OutboxStore outbox;
  private final PoisonMessages poison;
  private final DeadLetterLog events;
  private final TransactionTemplate transaction;
  private final Redispatcher redispatcher;
  private final DeliveryWorkers workers;
  private final Clock clock;

  DeadLetters(OutboxStore outbox, PoisonMessages poison, DeadLetterLog events, TransactionTemplate transaction,
      Redispatcher redispatcher, DeliveryWorkers workers, Clock clock) {
    this.outbox = outbox;
    this.poison = poison;
    this.events = events;
    this.transaction = transaction;
    this.redispatcher = redispatcher;
    this.workers = workers;
    this.clock = clock;
  }

  /** Dead deliveries (of one recipient, or all) and dead messages, oldest first. */
  public List<OutboxEntry> deadDeliveries(Optional<String> recipientId, int limit) {
    return outbox.inState(State.DEAD, recipientId, limit);
  }

  public List<Poison> deadMessages() {
    return poison.dead();
  }

  public Optional<OutboxEntry> delivery(String deliveryId) {
    return outbox.find(deliveryId);
  }

  public Optional<Poison> message(String messageId) {
    return poison.find(messageId);
  }

  public List<Event> history(String letterId) {
    return events.of(letterId);
  }

  public Map<String, Map<String, Integer>> deliveryCounts() {
    return outbox.counts();
  }

  /**
   * Puts a dead delivery back in its recipient's queue, due now.
   *
   * @return false if there is no dead delivery with that id
   */
  public boolean replayDelivery(String deliveryId, String actor, String reason) {
    Instant now = clock.instant();
    Optional<OutboxEntry> entry = outbox.find(deliveryId);
    Boolean replayed = transaction.execute(status -> {
      if (!outbox.replay(deliveryId, now)) {
        return false;
      }
      events.add(deliveryId, Kind.DELIVERY, Action.REPLAYED, actor, reason, now);
      return true;
    });
    if (Boolean.TRUE.equals(replayed)) {
      workers.wake(List.of(entry.orElseThrow().recipientId()));
    }
    return Boolean.TRUE.equals(replayed);
  }

  /** Replays every dead delivery to one recipient. @return how many */
  public int replayAllTo(String recipientId, String actor, String reason) {
    int replayed = 0;
    for (OutboxEntry entry : outbox.inState(State.DEAD, Optional.of(recipientId), Integer.MAX_VALUE)) {
      if (replayDelivery(entry.deliveryId(), actor, reason)) {
        replayed++;
      }
    }
    return replayed;
  }

  /** @return false if there is no dead delivery with that id */
  public boolean discardDelivery(String deliveryId, String actor, String reason) {
    Instant now = clock.instant();
    Boolean discarded = transaction.execute(status -> {
      if (!outbox.discard(deliveryId, now)) {
        return false;
      }
      events.add(deliveryId, Kind.DELIVERY, Action.DISCARDED, actor, reason, now);
      return true;
    });
    return Boolean.TRUE.equals(discarded);
  }

  /**
   * Dispatches a dead message again (its decisions recorded, its disclosures queued, as if it had
   * just come off the journal).
   *
   * @return empty if there is no dead message with that id; else whether it went through this time
   */
  public Optional<Boolean> replayMessage(String messageId, String actor, String reason) {
    Optional<Poison> dead = poison.find(messageId).filter(p -> p.state().equals("DEAD"));
    if (dead.isEmpty()) {
      return Optional.empty();
    }
    Poison message = dead.get();
    Instant now = clock.instant();
    events.add(messageId, Kind.MESSAGE, Action.REPLAYED, actor, reason, now);
    boolean through = redispatcher.dispatch(message.json(), message.subjectKey(), message.messageId(),
        message.sourceId(), message.event());
    if (through) {
      poison.mark(messageId, "REPLAYED", clock.instant());
    }
    return Optional.of(through);
  }

  /** @return false if there is no dead message with that id */
  public boolean discardMessage(String messageId, String actor, String reason) {
    Instant now = clock.instant();
    Boolean discarded = transaction.execute(status -> {
      if (!poison.mark(messageId, "DISCARDED", now)) {
        return false;
      }
      events.add(messageId, Kind.MESSAGE, Action.DISCARDED, actor, reason, now);
      return true;
    });
    return Boolean.TRUE.equals(discarded);
  }
}
