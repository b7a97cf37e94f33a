package org.caseway.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class MessageEnvelopeTest {

  @Test
  void readsTheRoutingFactsOfTheExampleMessage() {
    MessageEnvelope envelope = MessageEnvelope.of(Examples.bundle(Examples.RISK_FLAG_RAISED));

    assertThat(envelope.messageId()).isEqualTo("3f6c1d8a-2b4e-4c7a-9e1f-0a2b3c4d5e6f");
    assertThat(envelope.sourcePartnerId()).isEqualTo("northshire-mh-trust");
    assertThat(envelope.eventCode()).isEqualTo("risk-flag-raised");
    assertThat(envelope.subjectKey()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number|9434765919");
  }

  @Test
  void prefersThePatientTheHeaderFocusesOn() {
    Bundle bundle = Examples.bundle(Examples.RISK_FLAG_RAISED);
    String nhsPatient = bundle.getEntry().get(1).getFullUrl();
    Patient other = new Patient();
    other.setId("other");
    other.addIdentifier().setSystem("https://id.probation.gov.uk/crn").setValue("X123456");
    bundle.getEntry().add(1, new Bundle.BundleEntryComponent().setFullUrl("urn:uuid:other").setResource(other));
    header(bundle).getFocus().clear();
    header(bundle).addFocus().setReference(nhsPatient);

    assertThat(MessageEnvelope.of(bundle).subjectKey())
        .isEqualTo("https://fhir.nhs.uk/Id/nhs-number|9434765919");
  }

  @Test
  void takesTheFirstPatientWhenTheFocusIsNoPatient() {
    Bundle bundle = Examples.bundle(Examples.RISK_FLAG_RAISED);
    Patient other = new Patient();
    other.addIdentifier().setSystem("https://id.probation.gov.uk/crn").setValue("X123456");
    bundle.getEntry().add(1, new Bundle.BundleEntryComponent().setFullUrl("urn:uuid:other").setResource(other));

    assertThat(MessageEnvelope.of(bundle).subjectKey()).isEqualTo("https://id.probation.gov.uk/crn|X123456");
  }

  @Test
  void aMessageAboutNoPersonIsKeyedByItsMessageId() {
    Bundle bundle = Examples.bundle(Examples.RISK_FLAG_RAISED);
    bundle.getEntry().removeIf(entry -> entry.getResource() instanceof Patient);
    ((Flag) bundle.getEntry().get(1).getResource()).setSubject(null);

    assertThat(MessageEnvelope.of(bundle).subjectKey())
        .isEqualTo("message|3f6c1d8a-2b4e-4c7a-9e1f-0a2b3c4d5e6f");
  }

  @Test
  void refusesABundleThatIsNotAMessage() {
    Bundle bundle = Examples.bundle(Examples.RISK_FLAG_RAISED).setType(Bundle.BundleType.COLLECTION);

    assertThatThrownBy(() -> MessageEnvelope.of(bundle))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Bundle.type must be 'message' but is 'collection'");
  }

  @Test
  void refusesAMessageWithoutHeaderFirst() {
    Bundle bundle = Examples.bundle(Examples.RISK_FLAG_RAISED);
    bundle.getEntry().remove(0);

    assertThatThrownBy(() -> MessageEnvelope.of(bundle))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Bundle.entry[0].resource must be a MessageHeader");
  }

  @Test
  void refusesASourceEndpointThatNamesNoPartner() {
    Bundle bundle = Examples.bundle(Examples.RISK_FLAG_RAISED);
    header(bundle).getSource().setEndpoint("urn:caseway:partner:Northshire Police");

    assertThatThrownBy(() -> MessageEnvelope.of(bundle))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("urn:caseway:partner:{partner-id}")
        .hasMessageContaining("'urn:caseway:partner:Northshire Police'");
  }

  @Test
  void refusesAMessageWithoutId() {
    Bundle bundle = Examples.bundle(Examples.RISK_FLAG_RAISED);
    bundle.setIdElement(null);

    assertThatThrownBy(() -> MessageEnvelope.of(bundle))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Bundle.id is missing");
  }

  private static MessageHeader header(Bundle bundle) {
    return (MessageHeader) bundle.getEntryFirstRep().getResource();
  }
}
