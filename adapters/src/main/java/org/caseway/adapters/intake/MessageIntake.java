package org.caseway.adapters.intake;

/**
 * Where inbound channels hand the canonical messages they made: the gateway's accept path (the same
 * one {@code $process-message} uses: sender check, validation, journal, deduplication).
 *
 * <p>Contract: thread-safe; synchronous (returns once the message is on the journal and its id
 * recorded); a message id accepted before is acknowledged again and not taken twice. Never returns
 * null.
 */
public interface MessageIntake {

  /**
   * Submits one canonical message as {@code partnerId}, whose identity the channel vouches for
   * (the file came from its drop folder, the feed from its server, the record from its
   * authenticated Kafka client).
   *
   * @return the receipt: accepted now, or a repeat of a message accepted before
   * @throws IntakeRefusedException when the message is refused for good (it breaks the guide, the
   *     partner may not send it); sending it again unchanged will not help
   * @throws IntakeUnavailableException when the gateway cannot take it now (the journal or the
   *     database is unavailable); try again later
   */
  IntakeReceipt submit(String partnerId, String canonicalJson);

  /**
   * Submits one message and answers with the FHIR response message a message-driven partner expects
   * (code {@code ok}, {@code transient-error} or {@code fatal-error}, with an OperationOutcome for
   * errors). Never throws for the partner's faults: they become the answer.
   */
  Acknowledgement acknowledge(String partnerId, String canonicalJson);
}
