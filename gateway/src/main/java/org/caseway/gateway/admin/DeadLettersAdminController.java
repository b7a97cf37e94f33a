package org.caseway.gateway.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseway.gateway.dispatch.outbox.DeadLetters;
import org.caseway.gateway.dispatch.outbox.OutboxEntry;
import org.caseway.gateway.dispatch.outbox.PoisonMessages.Poison;
import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.GatewayException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dead-letter store for the data sharing manager: what could not be delivered (to whom, why,
 * how often tried) and what dispatch could not handle; inspect one, replay one or all of a
 * partner's once the cause is fixed, or discard one with a reason. Every replay and discard is
 * recorded with who and why ({@code history}). Also: how many deliveries wait, per partner.
 */
@RestController
@RequestMapping("/admin")
public class DeadLettersAdminController {

  private static final int LISTED = 500;

  private final DeadLetters letters;

  public DeadLettersAdminController(DeadLetters letters) {
    this.letters = letters;
  }

  /** A dead delivery as listed (no content). */
  public record DeadDelivery(String id, String messageId, String recipient, String event, String agreement,
      int attempts, String reason, Instant decidedAt, Instant deadSince) {
    static DeadDelivery of(OutboxEntry e) {
      return new DeadDelivery(e.deliveryId(), e.messageId(), e.recipientId(), e.event(),
          e.agreementId() + "|" + e.agreementVersion(), e.attempts(), e.lastError(), e.createdAt(), e.updatedAt());
    }
  }

  /** A message dispatch set aside, as listed (no content). */
  public record DeadMessage(String messageId, String source, String event, String reason, Instant since) {
    static DeadMessage of(Poison p) {
      return new DeadMessage(p.messageId(), p.sourceId(), p.event(), p.reason(), p.updatedAt());
    }
  }

  /** The store: dead deliveries (optionally of one recipient) and dead messages. */
  public record DeadLetterList(List<DeadDelivery> deliveries, List<DeadMessage> messages) {}

  @GetMapping("/dead-letters")
  public DeadLetterList list(@RequestParam(required = false) String partner) {
    return new DeadLetterList(
        letters.deadDeliveries(Optional.ofNullable(partner), LISTED).stream().map(DeadDelivery::of).toList(),
        partner == null ? letters.deadMessages().stream().map(DeadMessage::of).toList() : List.of());
  }

  /** One dead letter: the delivery (with the view it would send) or the message, and its history. */
  @GetMapping("/dead-letters/{id}")
  public Map<String, Object> inspect(@PathVariable String id) {
    Optional<OutboxEntry> delivery = letters.delivery(id);
    if (delivery.isPresent()) {
      OutboxEntry e = delivery.get();
      return Map.of("kind", "delivery", "letter", DeadDelivery.of(e), "state", e.state().name(),
          "view", e.viewJson() == null ? "" : e.viewJson(), "history", letters.history(id));
    }
    Poison message = letters.message(id).orElseThrow(() -> notFound(id));
    return Map.of("kind", "message", "letter", DeadMessage.of(message), "state", message.state(),
        "message", message.json() == null ? "" : message.json(), "history", letters.history(id));
  }

  @PostMapping("/dead-letters/{id}/$replay")
  public Map<String, Object> replay(@PathVariable String id, @RequestBody(required = false) ReasonBody body,
      Authentication caller) {
    String reason = reason(body);
    if (letters.replayDelivery(id, AdminCaller.describe(caller), reason)) {
      return Map.of("id", id, "replayed", true, "outcome", "queued for delivery");
    }
    Optional<Boolean> through = letters.replayMessage(id, AdminCaller.describe(caller), reason);
    if (through.isEmpty()) {
      throw notFound(id);
    }
    return Map.of("id", id, "replayed", true,
        "outcome", through.get() ? "dispatched" : "set aside again: see its reason");
  }

  @PostMapping("/dead-letters/{id}/$discard")
  public Map<String, Object> discard(@PathVariable String id, @RequestBody(required = false) ReasonBody body,
      Authentication caller) {
    String reason = reason(body);
    if (!letters.discardDelivery(id, AdminCaller.describe(caller), reason)
        && !letters.discardMessage(id, AdminCaller.describe(caller), reason)) {
      throw notFound(id);
    }
    return Map.of("id", id, "discarded", true);
  }

  @PostMapping("/partners/{partner}/dead-letters/$replay")
  public Map<String, Object> replayAll(@PathVariable String partner, @RequestBody(required = false) ReasonBody body,
      Authentication caller) {
    int replayed = letters.replayAllTo(partner, AdminCaller.describe(caller), reason(body));
    return Map.of("partner", partner, "replayed", replayed);
  }

  /** Deliveries by partner and state: what is waiting, delivered, dead, discarded. */
  @GetMapping("/deliveries")
  public Map<String, Map<String, Integer>> deliveries() {
    return letters.deliveryCounts();
  }

  private static String reason(ReasonBody body) {
    if (body == null || body.reason() == null || body.reason().isBlank()) {
      throw new GatewayException(ErrorCode.ADMIN_REQUEST_INVALID,
          "Say why: send {\"reason\": \"...\"}; the reason is recorded with the action.");
    }
    return body.reason().strip();
  }

  private static GatewayException notFound(String id) {
    return new GatewayException(ErrorCode.NOT_FOUND, "No dead letter " + id + " (it may have been replayed or"
        + " discarded already): GET /admin/dead-letters lists them.");
  }
}
