package org.caseway.adapters.intake;

import java.util.Objects;

/**
 * The gateway has a message.
 *
 * @param messageId the message's id (its {@code Bundle.id})
 * @param repeat true when the id was accepted before and nothing new was written
 */
public record IntakeReceipt(String messageId, boolean repeat) {

  public IntakeReceipt {
    Objects.requireNonNull(messageId, "messageId");
  }
}
