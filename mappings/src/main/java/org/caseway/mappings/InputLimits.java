package org.caseway.mappings;

/**
 * Bounds on what a mapping reads, so that a runaway or hostile input fails clearly instead of
 * exhausting memory. Exceeding one refuses the whole input with {@link MappingErrorCode#INPUT_TOO_LARGE}.
 *
 * @param maxBytes the largest input, in bytes (default 50 MB)
 * @param maxRows the most data rows in a CSV file (default 200,000)
 * @param maxFieldLength the longest CSV field, in characters (default 20,000)
 * @param maxJsonDepth the deepest nesting of a JSON input (default 64)
 */
public record InputLimits(long maxBytes, int maxRows, int maxFieldLength, int maxJsonDepth) {

  /** The defaults above. */
  public static final InputLimits DEFAULT = new InputLimits(50L * 1024 * 1024, 200_000, 20_000, 64);

  /** Refuses an input larger than {@link #maxBytes}. */
  public void checkSize(MappingInput input) {
    if (input.content().length > maxBytes) {
      throw new MappingException(MappingErrorCode.INPUT_TOO_LARGE, input.name() + " is "
          + input.content().length + " bytes; the limit is " + maxBytes + ". Split the input.");
    }
  }
}
