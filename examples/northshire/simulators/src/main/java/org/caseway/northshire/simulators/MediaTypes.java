package org.caseway.northshire.simulators;

import java.util.Locale;
import java.util.Optional;

/** Reads a Content-Type header value: its media type and charset, case-insensitively. */
final class MediaTypes {

  private MediaTypes() {}

  /** True when {@code contentType} names {@code mediaType}, whatever its parameters; false if null. */
  static boolean is(String contentType, String mediaType) {
    return contentType != null && mediaType(contentType).equals(mediaType.toLowerCase(Locale.ROOT));
  }

  /** The charset parameter, lower-case and unquoted, if there is one. */
  static Optional<String> charset(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String[] parts = contentType.split(";");
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].split("=", 2);
      if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("charset")) {
        return Optional.of(parameter[1].strip().replace("\"", "").toLowerCase(Locale.ROOT));
      }
    }
    return Optional.empty();
  }

  private static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.strip().toLowerCase(Locale.ROOT);
  }
}
