package org.caseway.gateway.delivery;

import org.caseway.gateway.policy.Disclosure;

/**
 * Hands one disclosure to one recipient over one kind of channel (the {@code type} of the
 * recipient's {@code out} channel in the partners file).
 *
 * <p>Contract: only {@code dispatch} calls a transport, and only with a {@link Disclosure} the
 * policy engine produced (an ArchUnit test holds this). {@link #deliver} returns only once the
 * recipient's side has the message durably (the broker acknowledged it, or the partner's server
 * answered success); it sends {@code disclosure.view()} unchanged, identified by its Bundle.id so
 * that the recipient can deduplicate a repeat. Implementations are thread-safe, never return null
 * and never log the view's content.
 */
public interface DeliveryTransport {

  /** The channel type this transport serves, as written in the partners file. */
  String type();

  /**
   * @param disclosure what the engine allows the recipient to see
   * @param target where and how to send it
   * @throws DeliveryException if it was not delivered; {@link DeliveryException#isTransient()}
   *     says whether trying again later may succeed
   */
  void deliver(Disclosure disclosure, DeliveryTarget target);
}
