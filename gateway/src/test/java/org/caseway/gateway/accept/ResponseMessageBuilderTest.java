package org.caseway.gateway.accept;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.caseway.conformance.MessageEnvelope;
import org.caseway.gateway.store.AcceptedMessage;
import org.caseway.gateway.support.Messages;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.MessageHeader.ResponseType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.junit.jupiter.api.Test;

class ResponseMessageBuilderTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  private final ResponseMessageBuilder builder =
      new ResponseMessageBuilder(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void answersWithAResponseMessageThatAcknowledgesTheRequestHeaderIdAsOk() {
    IncomingMessage request = request();

    Bundle response = builder.build(new Acceptance(request, record(request), false));

    assertThat(response.getType()).isEqualTo(Bundle.BundleType.MESSAGE);
    assertThat(response.getIdElement().getIdPart()).isNotBlank().isNotEqualTo(request.envelope().messageId());
    assertThat(response.getTimestamp().toInstant()).isEqualTo(NOW);
    MessageHeader header = Messages.header(response);
    assertThat(header.getResponse().getIdentifier())
        .isEqualTo(Messages.headerId(request.bundle()))
        .isNotEqualTo(request.envelope().messageId());
    assertThat(header.getResponse().getCode()).isEqualTo(ResponseType.OK);
  }

  @Test
  void repeatsTheEventAndAddressesTheSenderFromTheGateway() {
    IncomingMessage request = request();

    Bundle response = builder.build(new Acceptance(request, record(request), false));

    MessageHeader header = Messages.header(response);
    assertThat(response.getEntryFirstRep().getFullUrl())
        .isEqualTo("urn:uuid:" + header.getIdElement().getIdPart());
    assertThat(header.getEventCoding().getSystem())
        .isEqualTo("https://caseway.example/fhir/CodeSystem/caseway-event");
    assertThat(header.getEventCoding().getCode()).isEqualTo("risk-flag-raised");
    assertThat(header.getSource().getEndpoint()).isEqualTo("urn:caseway:partner:caseway");
    assertThat(header.getDestinationFirstRep().getEndpoint())
        .isEqualTo("urn:caseway:partner:northshire-mh-trust");
  }

  @Test
  void focusesOnAnInformationalOutcomeAsTheGuidesAcknowledgementsDo() {
    IncomingMessage request = request();

    Bundle response = builder.build(new Acceptance(request, record(request), false));

    MessageHeader header = Messages.header(response);
    String outcomeUrl = response.getEntry().get(1).getFullUrl();
    OperationOutcome outcome = (OperationOutcome) response.getEntry().get(1).getResource();
    assertThat(header.getFocusFirstRep().getReference()).isEqualTo(outcomeUrl);
    assertThat(header.getResponse().getDetails().getReference()).isEqualTo(outcomeUrl);
    assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(IssueSeverity.INFORMATION);
    assertThat(response.getMeta().getProfile().get(0).getValue()).endsWith("/caseway-message-bundle");
    assertThat(header.getMeta().getProfile().get(0).getValue()).endsWith("/caseway-message-header");
    assertThat(outcome.getMeta().getProfile().get(0).getValue()).endsWith("/caseway-outcome");
  }

  @Test
  void answersARepeatExactlyAsTheFirstTime() {
    IncomingMessage request = request();

    MessageHeader first = Messages.header(builder.build(new Acceptance(request, record(request), false)));
    MessageHeader repeat = Messages.header(builder.build(new Acceptance(request, record(request), true)));

    assertThat(repeat.getResponse().getIdentifier()).isEqualTo(first.getResponse().getIdentifier());
    assertThat(repeat.getResponse().getCode()).isEqualTo(ResponseType.OK);
  }

  @Test
  void doesNotChangeTheRequestsEventWhenBuildingTheAnswer() {
    IncomingMessage request = request();

    Messages.header(builder.build(new Acceptance(request, record(request), false)))
        .getEventCoding()
        .setCode("changed");

    assertThat(Messages.header(request.bundle()).getEventCoding().getCode()).isEqualTo("risk-flag-raised");
  }

  private static IncomingMessage request() {
    Bundle bundle = Messages.riskFlagRaised();
    return new IncomingMessage(Messages.json(bundle), bundle, MessageEnvelope.of(bundle));
  }

  private static AcceptedMessage record(IncomingMessage request) {
    MessageEnvelope envelope = request.envelope();
    return new AcceptedMessage(
        envelope.messageId(),
        envelope.sourcePartnerId(),
        envelope.eventCode(),
        envelope.subjectKey(),
        NOW,
        0,
        0L);
  }
}
