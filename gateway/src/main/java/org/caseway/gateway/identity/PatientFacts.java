package org.caseway.gateway.identity;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;

/**
 * What one Patient of a message says about who it is: its identifiers and, if complete, its
 * demographics.
 */
public record PatientFacts(List<AgencyIdentifier> identifiers, Optional<Demographics> demographics) {

  /** The facts of every Patient in {@code message} that carries at least one identifier. */
  public static List<PatientFacts> of(Bundle message) {
    return message.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(Patient.class::isInstance)
        .map(Patient.class::cast)
        .map(PatientFacts::of)
        .filter(f -> !f.identifiers().isEmpty())
        .toList();
  }

  static PatientFacts of(Patient patient) {
    List<AgencyIdentifier> ids =
        patient.getIdentifier().stream()
            .filter(i -> i.hasSystem() && i.hasValue())
            .map(i -> new AgencyIdentifier(i.getSystem(), i.getValue()))
            .distinct()
            .toList();
    return new PatientFacts(ids, demographics(patient));
  }

  private static Optional<Demographics> demographics(Patient patient) {
    if (!patient.hasName() || !patient.hasBirthDate() || !patient.hasAddress()) {
      return Optional.empty();
    }
    HumanName name = patient.getNameFirstRep();
    String given = name.getGiven().stream().map(StringType::getValue).collect(Collectors.joining(" "));
    return Demographics.of(
        given,
        name.getFamily(),
        patient.getBirthDateElement().getValueAsString(),
        patient.getAddressFirstRep().getPostalCode());
  }
}
