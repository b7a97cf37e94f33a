package org.caseway.gateway.dispatch;

import java.time.Duration;
import java.util.Optional;
import org.caseway.gateway.delivery.DeliveryException;
import org.caseway.gateway.delivery.DeliveryTarget;
import org.caseway.gateway.delivery.DeliveryTransport;
import org.caseway.gateway.delivery.DeliveryTransports;
import org.caseway.gateway.partner.Partner;
import org.caseway.gateway.policy.Disclosure;

/**
 * One attempt to hand one disclosure to its recipient's transport; what came of it. Retrying is
 * the outbox worker's ({@code dispatch.outbox.DeliveryWorker}). Thread-safe.
 */
public class DisclosureDelivery {

  private final DeliveryTransports transports;

  public DisclosureDelivery(DeliveryTransports transports) {
    this.transports = transports;
  }

  /** Attempts delivery once. Never throws for a failed delivery: the outcome says what happened. */
  public Outcome attempt(Disclosure disclosure, Partner recipient, String subjectKey, String event) {
    Optional<DeliveryTransport> transport;
    try {
      transport = transports.forRecipient(recipient);
    } catch (DeliveryException misconfigured) {
      return Outcome.permanent(misconfigured.getMessage());
    }
    if (transport.isEmpty()) {
      return Outcome.permanent("Partner " + recipient.id() + " has no out channel in the partners file: add one,"
          + " then replay this dead letter");
    }
    DeliveryTarget target = new DeliveryTarget(recipient.id(),
        recipient.channels().get(DeliveryTransports.OUT_CHANNEL), subjectKey, event);
    try {
      transport.get().deliver(disclosure, target);
      return Outcome.DELIVERED;
    } catch (DeliveryException e) {
      return e.isTransient() ? Outcome.transientFailure(e.getMessage(), e.retryAfter()) : Outcome.permanent(e.getMessage());
    }
  }

  /**
   * What one attempt came to.
   *
   * @param delivered whether the recipient has it
   * @param transientFailure when not delivered: whether trying again later may succeed
   * @param reason when not delivered: why, for the dead-letter store and the log (no message content)
   * @param retryAfter when the recipient said how long to wait
   */
  public record Outcome(boolean delivered, boolean transientFailure, String reason, Optional<Duration> retryAfter) {

    static final Outcome DELIVERED = new Outcome(true, false, null, Optional.empty());

    static Outcome transientFailure(String reason, Optional<Duration> retryAfter) {
      return new Outcome(false, true, reason, retryAfter);
    }

    static Outcome permanent(String reason) {
      return new Outcome(false, false, reason, Optional.empty());
    }
  }
}
