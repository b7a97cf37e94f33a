package org.caseway.mappings.csv;

import java.util.Locale;
import java.util.regex.Pattern;

/** Value normalisers a column spec names ({@code normalise: postcode}). Stateless. */
public final class Normalisers {

  /** A full UK postcode once spaces are removed: outward code (2-4), inward code (3). */
  private static final Pattern POSTCODE = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}");

  private Normalisers() {}

  /**
   * A UK postcode in any spacing or case ({@code nn7 4qt}, {@code NN74QT}) as {@code NN7 4QT};
   * null for null.
   *
   * @throws IllegalArgumentException when it is not the shape of a postcode
   */
  public static String postcode(String text) {
    if (text == null) {
      return null;
    }
    String compact = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    if (!POSTCODE.matcher(compact).matches()) {
      throw new IllegalArgumentException("is not a UK postcode (expected e.g. NN7 4QT)");
    }
    return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
  }

  /**
   * Applies the named normaliser.
   *
   * @throws IllegalArgumentException for a value it refuses
   */
  static String apply(String normaliser, String value) {
    return switch (normaliser) {
      case "postcode" -> postcode(value);
      case "upper" -> value.toUpperCase(Locale.ROOT);
      case "collapse-spaces" -> value.strip().replaceAll("\\s+", " ");
      default -> throw new IllegalStateException("unknown normaliser " + normaliser);
    };
  }

  static boolean known(String normaliser) {
    return java.util.List.of("postcode", "upper", "collapse-spaces").contains(normaliser);
  }
}
