package org.caseway.conformance.kit.report;

/** Escaping for HTML text and attribute values: everything from outside goes through it. */
final class Html {

  private Html() {}

  /** {@code text} with {@code & < > " '} escaped, and characters HTML cannot show replaced. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }
}
