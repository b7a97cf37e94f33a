package org.caseway.mappings;

/**
 * A mapping could not run at all, or a whole input was refused: the message says what to fix
 * and, where it helps, where (input line, column or JSON path). Per-record problems are not
 * thrown but reported as {@link RecordError}s in the {@link MappingResult}.
 */
public final class MappingException extends RuntimeException {

  private final MappingErrorCode code;

  public MappingException(MappingErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public MappingException(MappingErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** The stable code of the failure. */
  public MappingErrorCode code() {
    return code;
  }
}
