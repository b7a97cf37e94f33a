package org.caseway.conformance.kit.engine;

/** Small text helpers for the messages the engine writes. */
final class Reports {

  private Reports() {}

  /** The text, cut to {@code max} characters with an ellipsis, on one line. */
  static String abbreviate(String text, int max) {
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…";
  }
}
