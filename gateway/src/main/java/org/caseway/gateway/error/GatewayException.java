package org.caseway.gateway.error;

import java.util.Objects;

/**
 * A refusal with a stable {@link ErrorCode}, translated to HTTP once, at the edge.
 *
 * <p>The message is shown to the caller: it must say what to fix and must never carry secrets,
 * tokens, or data about another partner or another message. Details for operators go to the log
 * (through the cause), not into the message.
 */
public class GatewayException extends RuntimeException {

  private final ErrorCode code;

  public GatewayException(ErrorCode code, String message) {
    this(code, message, null);
  }

  public GatewayException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }
}
