package org.caseway.gateway.accept;

import org.caseway.gateway.store.AcceptedMessage;

/**
 * The gateway has the message: on the journal and recorded.
 *
 * @param message the message as received now
 * @param record what the store holds for its id (from this request, or an earlier one)
 * @param repeat true when the id had been accepted before and nothing new was written
 */
public record Acceptance(IncomingMessage message, AcceptedMessage record, boolean repeat) {}
