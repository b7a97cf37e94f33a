package org.caseway.gateway.identity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * What people are matched on, normalised: name (case, accents and spacing removed), date of birth
 * ({@code yyyy-MM-dd}) and postcode (upper case, no spaces).
 */
public record Demographics(String matchName, String birthDate, String postcode) {

  public Demographics {
    Objects.requireNonNull(matchName, "matchName");
    Objects.requireNonNull(birthDate, "birthDate");
    Objects.requireNonNull(postcode, "postcode");
  }

  /** Normalises raw values; empty if any is missing, since a partial match is no match. */
  public static java.util.Optional<Demographics> of(
      String givenNames, String familyName, String birthDate, String postcode) {
    String name = normaliseName((givenNames == null ? "" : givenNames) + " " + (familyName == null ? "" : familyName));
    String code = normalisePostcode(postcode);
    if (name.isEmpty() || birthDate == null || birthDate.isBlank() || code.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Demographics(name, birthDate.strip(), code));
  }

  /** Lower case, accents removed, punctuation and runs of spaces made one space. */
  public static String normaliseName(String raw) {
    String decomposed = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFD);
    return decomposed
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]+", " ")
        .strip();
  }

  /** Upper case without any spacing: {@code nn7 4qt} and {@code NN74QT} are one postcode. */
  public static String normalisePostcode(String raw) {
    return raw == null ? "" : raw.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
  }

  /** The one field in which {@code other} differs, or null if none or more than one does. */
  public String soleDifference(Demographics other) {
    boolean name = matchName.equals(other.matchName);
    boolean dob = birthDate.equals(other.birthDate);
    boolean post = postcode.equals(other.postcode);
    int same = (name ? 1 : 0) + (dob ? 1 : 0) + (post ? 1 : 0);
    if (same != 2) {
      return null;
    }
    return !name ? "name" : !dob ? "birth-date" : "postcode";
  }
}
