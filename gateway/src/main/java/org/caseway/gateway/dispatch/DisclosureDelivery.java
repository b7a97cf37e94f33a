package org.caseway.gateway.dispatch;

import java.time.Duration;
import java.util.Optional;
import org.caseway.gateway.delivery.DeliveryException;
import org.caseway.gateway.delivery.DeliveryTarget;
import org.caseway.gateway.delivery.DeliveryTransport;
import org.caseway.gateway.delivery.DeliveryTransports;
import org.caseway.gateway.partner.Partner;
import org.caseway.gateway.policy.Disclosure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one disclosure to its recipient's transport, with a few bounded retries on transient
 * failures.
 *
 * <p>TODO(issue 5): a retry store with backoff that survives restarts, dead letters for permanent
 * failures, per-partner circuit breakers. Until then a permanent failure is logged and dropped, and
 * transient failures that outlast the retries stop the journal partition until the recipient
 * recovers.
 */
public class DisclosureDelivery {

  private static final Logger log = LoggerFactory.getLogger(DisclosureDelivery.class);

  private final DeliveryTransports transports;
  private final int maxAttempts;
  private final Duration backoff;

  public DisclosureDelivery(DeliveryTransports transports, int maxAttempts, Duration backoff) {
    this.transports = transports;
    this.maxAttempts = Math.max(1, maxAttempts);
    this.backoff = backoff;
  }

  /**
   * @throws DeliveryException (transient) if every attempt failed transiently: the message is to be
   *     taken again later
   */
  public void deliver(Disclosure disclosure, Partner recipient, String subjectKey, String event) {
    String disclosureId = disclosure.view().getIdElement().getIdPart();
    Optional<DeliveryTransport> transport = transportFor(recipient, disclosureId);
    if (transport.isEmpty()) {
      return;
    }
    DeliveryTarget target = new DeliveryTarget(recipient.id(),
        recipient.channels().get(DeliveryTransports.OUT_CHANNEL), subjectKey, event);
    attempt(transport.get(), disclosure, target, disclosureId);
  }

  private Optional<DeliveryTransport> transportFor(Partner recipient, String disclosureId) {
    try {
      Optional<DeliveryTransport> transport = transports.forRecipient(recipient);
      if (transport.isEmpty()) {
        log.warn("Disclosure {} to {} recorded but not delivered: the partner has no out channel in the partners file",
            disclosureId, recipient.id());
      }
      return transport;
    } catch (DeliveryException misconfigured) {
      log.error("Disclosure {} to {} not delivered: {}", disclosureId, recipient.id(),
          misconfigured.getMessage());
      return Optional.empty();
    }
  }

  private void attempt(DeliveryTransport transport, Disclosure d, DeliveryTarget target, String id) {
    for (int attempt = 1; ; attempt++) {
      try {
        transport.deliver(d, target);
        log.info("Delivered disclosure {} to {} over {}", id, target.recipientId(), transport.type());
        return;
      } catch (DeliveryException e) {
        if (!e.isTransient()) {
          log.error("Disclosure {} to {} refused permanently, not retried: {}", id,
              target.recipientId(), e.getMessage());
          return;
        }
        if (attempt >= maxAttempts) {
          throw e;
        }
        log.warn("Disclosure {} to {} failed (attempt {} of {}), retrying: {}", id,
            target.recipientId(), attempt, maxAttempts, e.getMessage());
        pause(backoff.multipliedBy(1L << (attempt - 1)));
      }
    }
  }

  private static void pause(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException(true, "Interrupted while waiting to retry", e);
    }
  }
}
