package org.caseway.gateway.identity;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of the housing tenancy roll (one named tenant of one tenancy), as the roll's mapping
 * parses it (housing-soap.md, "The tenancy roll").
 *
 * @param tenancyRef {@code T} + 6 digits
 * @param uprn the property reference; may be null
 * @param addressLine1 the property's first address line; may be null
 * @param addressLine2 may be null
 * @param town may be null
 * @param postcode the property's postcode, in any spacing
 * @param surname the tenant's surname
 * @param forename the tenant's forename
 * @param dateOfBirth the tenant's date of birth
 * @param startDate when the tenancy began; may be null
 */
public record TenancyRollEntry(
    String tenancyRef,
    String uprn,
    String addressLine1,
    String addressLine2,
    String town,
    String postcode,
    String surname,
    String forename,
    LocalDate dateOfBirth,
    LocalDate startDate) {

  public TenancyRollEntry {
    Objects.requireNonNull(tenancyRef, "tenancyRef");
    Objects.requireNonNull(postcode, "postcode of tenancy " + tenancyRef);
    Objects.requireNonNull(surname, "surname on tenancy " + tenancyRef);
    Objects.requireNonNull(dateOfBirth, "date of birth on tenancy " + tenancyRef);
  }

  /** The tenancy as an agency identifier. */
  public AgencyIdentifier identifier() {
    return new AgencyIdentifier(IdentifierSystems.TENANCY, tenancyRef);
  }

  public Demographics demographics() {
    return Demographics.of(forename, surname, dateOfBirth.toString(), postcode).orElseThrow();
  }
}
