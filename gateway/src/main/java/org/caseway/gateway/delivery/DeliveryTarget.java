package org.caseway.gateway.delivery;

import java.util.Map;
import java.util.Objects;

/**
 * Where one disclosure goes.
 *
 * @param recipientId the recipient partner's id
 * @param channel the recipient's {@code out} channel settings from the partners file
 * @param subjectKey the canonical subject id (the journal's record key): Kafka recipients get it as
 *     record key, so one person's messages stay in order
 * @param event the event code of the message
 */
public record DeliveryTarget(
    String recipientId, Map<String, String> channel, String subjectKey, String event) {

  public DeliveryTarget {
    Objects.requireNonNull(recipientId, "recipientId");
    channel = Map.copyOf(channel);
    Objects.requireNonNull(subjectKey, "subjectKey");
    Objects.requireNonNull(event, "event");
  }

  /** A channel setting that must be there; the error names the partners file entry to fix. */
  public String required(String setting) {
    String value = channel.get(setting);
    if (value == null || value.isBlank()) {
      throw new DeliveryException(false,
          "Partner " + recipientId + " has no '" + setting + "' on its out channel in the partners file");
    }
    return value;
  }
}
