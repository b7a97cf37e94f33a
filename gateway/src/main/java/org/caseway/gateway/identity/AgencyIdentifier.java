package org.caseway.gateway.identity;

import java.util.Objects;

/**
 * One agency's identifier for a person: a FHIR identifier system and value, e.g. {@code
 * https://id.probation.gov.uk/crn|X123456}.
 *
 * @param system the identifier system URI (see the partnership's identifier table)
 * @param value the identifier value, exactly as the agency writes it
 */
public record AgencyIdentifier(String system, String value) {

  public AgencyIdentifier {
    Objects.requireNonNull(system, "identifier system");
    Objects.requireNonNull(value, "identifier value");
  }

  /**
   * Parses the {@code system|value} form used in admin query strings.
   *
   * @throws IllegalArgumentException if there is no {@code |} or either side is empty
   */
  public static AgencyIdentifier parse(String token) {
    int bar = token.indexOf('|');
    if (bar <= 0 || bar == token.length() - 1) {
      throw new IllegalArgumentException(
          "An identifier is written system|value, e.g. https://id.probation.gov.uk/crn|X123456; got '"
              + token + "'");
    }
    return new AgencyIdentifier(token.substring(0, bar), token.substring(bar + 1));
  }

  @Override
  public String toString() {
    return system + "|" + value;
  }
}
