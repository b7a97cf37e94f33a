package org.caseway.gateway.agreement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The text of one agreement document and where it came from.
 *
 * @param file the file name, as errors and the version table name it
 * @param text the YAML
 */
public record AgreementDocument(String file, String text) {

  /** The hex SHA-256 of the text's UTF-8 bytes: a loaded version may not change afterwards. */
  public String sha256() {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JVM", e);
    }
  }

  /** The 1-based line of the first {@code key:} at the start of a line, 0 if none. */
  int lineOf(String key) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(key + ":")) {
        return i + 1;
      }
    }
    return 0;
  }
}
