package org.caseway.gateway.delivery;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caseway.gateway.partner.Partner;

/** The transports by channel type; picks the one for a recipient's {@code out} channel. */
public class DeliveryTransports {

  /** The channel name in the partners file that Caseway delivers over. */
  public static final String OUT_CHANNEL = "out";

  private final Map<String, DeliveryTransport> byType;

  public DeliveryTransports(Collection<DeliveryTransport> transports) {
    this.byType = transports.stream().collect(Collectors.toUnmodifiableMap(DeliveryTransport::type, Function.identity()));
  }

  /**
   * The transport for the recipient's out channel; empty if it has none (its adapter is not built
   * yet).
   *
   * @throws DeliveryException (permanent) if the channel names a type no transport serves
   */
  public Optional<DeliveryTransport> forRecipient(Partner recipient) {
    Map<String, String> out = recipient.channels().get(OUT_CHANNEL);
    if (out == null || out.get("type") == null) {
      return Optional.empty();
    }
    DeliveryTransport transport = byType.get(out.get("type"));
    if (transport == null) {
      throw new DeliveryException(false, "Partner " + recipient.id() + " has out channel type '"
          + out.get("type") + "', which no transport serves; known: " + byType.keySet());
    }
    return Optional.of(transport);
  }
}
