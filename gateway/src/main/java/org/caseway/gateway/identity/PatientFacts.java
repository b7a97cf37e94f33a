package org.caseway.gateway.identity;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;

/**
 * What one Patient of a message says about who it is: its identifiers and, if complete, its
 * demographics.
 *
 * <p>The postcode matched on is the Patient's address's. A Patient without an address (the police
 * export has no address for a nominal) is matched on the postcode of the incident the message is
 * about, if it has one: the partnership's decision (housing-soap.md lets it choose) that a person
 * named in an incident at a postcode, with the same exact normalised name and date of birth as a
 * tenant there, is that tenant. A near match still only goes to review.
 */
public record PatientFacts(List<AgencyIdentifier> identifiers, Optional<Demographics> demographics) {

  private static final String INCIDENT_LOCATION =
      "https://caseway.example/fhir/StructureDefinition/caseway-incident-location";

  /** The facts of every Patient in {@code message} that carries at least one identifier. */
  public static List<PatientFacts> of(Bundle message) {
    Optional<String> incidentPostcode = incidentPostcode(message);
    return message.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(Patient.class::isInstance)
        .map(Patient.class::cast)
        .map(patient -> of(patient, incidentPostcode))
        .filter(f -> !f.identifiers().isEmpty())
        .toList();
  }

  static PatientFacts of(Patient patient) {
    return of(patient, Optional.empty());
  }

  static PatientFacts of(Patient patient, Optional<String> fallbackPostcode) {
    List<AgencyIdentifier> ids =
        patient.getIdentifier().stream()
            .filter(i -> i.hasSystem() && i.hasValue())
            .map(i -> new AgencyIdentifier(i.getSystem(), i.getValue()))
            .distinct()
            .toList();
    return new PatientFacts(ids, demographics(patient, fallbackPostcode));
  }

  private static Optional<Demographics> demographics(Patient patient, Optional<String> fallbackPostcode) {
    Optional<String> postcode = patient.hasAddress()
        ? Optional.ofNullable(patient.getAddressFirstRep().getPostalCode())
        : fallbackPostcode;
    if (!patient.hasName() || !patient.hasBirthDate() || postcode.isEmpty()) {
      return Optional.empty();
    }
    HumanName name = patient.getNameFirstRep();
    String given = name.getGiven().stream().map(StringType::getValue).collect(Collectors.joining(" "));
    return Demographics.of(given, name.getFamily(), patient.getBirthDateElement().getValueAsString(), postcode.get());
  }

  /** The postcode of the Location the message's focus names as its incident location, if any. */
  private static Optional<String> incidentPostcode(Bundle message) {
    if (message.getEntry().isEmpty() || !(message.getEntryFirstRep().getResource() instanceof MessageHeader header)
        || !header.hasFocus()) {
      return Optional.empty();
    }
    Resource focus = resource(message, header.getFocusFirstRep().getReference());
    if (!(focus instanceof DomainResource incident)) {
      return Optional.empty();
    }
    Extension location = incident.getExtensionByUrl(INCIDENT_LOCATION);
    if (location == null || !(location.getValue() instanceof Reference reference)) {
      return Optional.empty();
    }
    return resource(message, reference.getReference()) instanceof Location place && place.hasAddress()
        ? Optional.ofNullable(place.getAddress().getPostalCode()).filter(p -> !p.isBlank())
        : Optional.empty();
  }

  private static Resource resource(Bundle message, String fullUrl) {
    return message.getEntry().stream()
        .filter(e -> fullUrl != null && fullUrl.equals(e.getFullUrl()))
        .map(Bundle.BundleEntryComponent::getResource)
        .findFirst().orElse(null);
  }
}
