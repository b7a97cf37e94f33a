package org.caseway.conformance.kit.report;

/** Cuts long bodies for reports, saying how much was left out. */
final class Truncation {

  private Truncation() {}

  /** The text, or its first {@code max} characters and a line saying how many more there were. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    return text.substring(0, max) + "\n… (" + (text.length() - max) + " more characters not shown)";
  }
}
