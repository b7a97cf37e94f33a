package org.caseway.adapters;

/** Which way a channel carries messages, as named in the partners file. */
public enum Direction {
  /** The partner's data into Caseway ({@code in} in the partners file). */
  IN,
  /** Caseway's deliveries to the partner ({@code out} in the partners file). */
  OUT;

  /** The name in the partners file: {@code in} or {@code out}. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
