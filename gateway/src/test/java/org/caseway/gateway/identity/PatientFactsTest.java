package org.caseway.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.caseway.gateway.support.Messages;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class PatientFactsTest {

  @Test
  void aPersonWithoutAnAddressIsMatchedOnTheIncidentsPostcode() {
    Bundle incident = Messages.example("Bundle-example-incident-reported");

    List<PatientFacts> people = PatientFacts.of(incident);

    assertThat(people).extracting(p -> p.demographics().orElseThrow())
        .contains(Demographics.of("Dean", "Whitfield", "1994-03-17", "NN7 4QT").orElseThrow());
  }

  @Test
  void aPersonsOwnAddressWinsOverTheIncidentsPostcode() {
    Bundle incident = Messages.example("Bundle-example-incident-reported");
    incident.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Patient.class::isInstance).map(Patient.class::cast).findFirst().orElseThrow()
        .addAddress().setPostalCode("NN1 1AA");

    assertThat(PatientFacts.of(incident).get(0).demographics().orElseThrow().postcode()).isEqualTo("NN11AA");
  }

  @Test
  void aMessageWithoutAnIncidentGivesNoPostcodeToAPersonWithoutAnAddress() {
    Bundle riskFlag = Messages.riskFlagRaised();
    riskFlag.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Patient.class::isInstance).map(Patient.class::cast).forEach(p -> p.getAddress().clear());

    assertThat(PatientFacts.of(riskFlag)).allSatisfy(p -> assertThat(p.demographics()).isEmpty());
  }
}
