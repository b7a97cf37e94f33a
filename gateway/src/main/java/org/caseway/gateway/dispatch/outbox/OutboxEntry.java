package org.caseway.gateway.dispatch.outbox;

import java.time.Instant;

/**
 * One disclosure in the delivery outbox.
 *
 * @param seq its place in the outbox: the order disclosures were decided in
 * @param deliveryId the disclosure's id (its view's Bundle.id), stable across retries
 * @param messageId the accepted message it was made of
 * @param recipientId who it goes to
 * @param subjectKey the canonical subject id: one person's deliveries to one recipient go in order
 * @param event the message's event code
 * @param agreementId the agreement it was disclosed under
 * @param agreementVersion that agreement's version
 * @param purpose the purpose it was disclosed for
 * @param viewJson the recipient's view (canonical FHIR JSON); null once delivered or discarded
 * @param state where it is
 * @param attempts attempts so far
 * @param nextAttemptAt when it may be attempted next
 * @param lastError why the last attempt failed; null if none did
 * @param createdAt when it was decided
 * @param updatedAt when it last changed
 */
public record OutboxEntry(
    long seq,
    String deliveryId,
    String messageId,
    String recipientId,
    String subjectKey,
    String event,
    String agreementId,
    int agreementVersion,
    String purpose,
    String viewJson,
    State state,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant createdAt,
    Instant updatedAt) {

  /** Where a delivery is. */
  public enum State {
    /** Waiting for its (next) attempt. */
    PENDING,
    /** The recipient has it. */
    DELIVERED,
    /** A dead letter: refused for good, or failing for too long; waits for a person. */
    DEAD,
    /** A person decided it is not to be delivered. */
    DISCARDED
  }
}
