package org.caseway.gateway.accept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.GatewayException;
import org.caseway.gateway.support.Messages;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading a partner's text. (A Bundle that is not a Caseway message goes to the validator for the
 * full report; that slower case is covered by AcceptMessageIT.)
 */
class BundleReaderTest {

  private static final ImplementationGuide GUIDE = ImplementationGuide.load();

  private final BundleReader reader =
      new BundleReader(
          GUIDE.fhirContext(),
          new CasewayValidator(GUIDE),
          new JsonShapeCheck(AcceptProperties.defaults()));

  @Test
  void readsTheExampleWithItsRoutingFacts() {
    Bundle bundle = Messages.riskFlagRaised();
    String json = Messages.json(bundle);

    IncomingMessage message = reader.read(json);

    assertThat(message.json()).isSameAs(json);
    assertThat(message.envelope().messageId()).isEqualTo(bundle.getIdElement().getIdPart());
    assertThat(message.envelope().sourcePartnerId()).isEqualTo("northshire-mh-trust");
    assertThat(message.envelope().subjectKey()).isEqualTo(Messages.RISK_FLAG_SUBJECT_KEY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "{\"no\": \"resourceType\"}", "[1, 2]", "{\"resourceType\": \"Bundle\""})
  void refusesTextThatIsNotAFhirResourceAsUnreadable(String text) {
    assertThatThrownBy(() -> reader.read(text))
        .isInstanceOfSatisfying(
            GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MESSAGE_UNREADABLE));
  }

  @Test
  void refusesNoBodyAtAllAsUnreadableNotAsTheGatewaysFault() {
    // A Kafka tombstone from probation: before, Jackson's NullPointerException made it an
    // INTERNAL_ERROR, logged as a fault of the gateway.
    assertThatThrownBy(() -> reader.read(null))
        .isInstanceOfSatisfying(
            GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MESSAGE_UNREADABLE))
        .hasMessageContaining("no body");
  }

  @Test
  void refusesAResourceThatIsNotABundleAsUnreadableSayingWhatItIs() {
    assertThatThrownBy(() -> reader.read("{\"resourceType\": \"Patient\", \"gender\": \"male\"}"))
        .isInstanceOfSatisfying(
            GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MESSAGE_UNREADABLE))
        .hasMessageContaining("Patient");
  }
}
