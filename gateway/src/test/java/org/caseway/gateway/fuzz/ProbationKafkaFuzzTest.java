package org.caseway.gateway.fuzz;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.caseway.adapters.intake.Acknowledgement;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.MessageEnvelope;
import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.gateway.accept.AcceptProperties;
import org.caseway.gateway.accept.Acceptance;
import org.caseway.gateway.accept.BundleReader;
import org.caseway.gateway.accept.GuideValidation;
import org.caseway.gateway.accept.IncomingMessage;
import org.caseway.gateway.accept.JsonShapeCheck;
import org.caseway.gateway.accept.MessageAcceptance;
import org.caseway.gateway.accept.ResponseMessageBuilder;
import org.caseway.gateway.accept.SenderCheck;
import org.caseway.gateway.channels.FailureResponseBuilder;
import org.caseway.gateway.channels.GatewayMessageIntake;
import org.caseway.gateway.fhir.FhirJson;
import org.caseway.gateway.partner.Partner;
import org.caseway.gateway.partner.PartnerDirectory;
import org.caseway.gateway.partner.PartnerStatus;
import org.caseway.gateway.store.AcceptedMessage;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Timeout;

/**
 * Probation's messages on Kafka (probation-kafka.md) as any record value at all: the gateway takes
 * the record through the accept path's steps (read, sender check, validation) and answers on the
 * partner's acks topic. The answer is always a response message, {@code ok} or
 * {@code fatal-error} with an OperationOutcome saying what to fix; a step throwing anything but the
 * gateway's own refusal is a finding (the real route would hide it as an internal error). The
 * journal and the store are left out: they see only messages that passed every step. Seeded with
 * the guide's probation example and the canonical mapping's fixtures.
 */
class ProbationKafkaFuzzTest {

  private static final int MAX_INPUT_BYTES = 64 * 1024;
  private static final String PROBATION = "northshire-probation";
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-03T10:00:00Z"), ZoneOffset.UTC);

  private static final ImplementationGuide GUIDE = ImplementationGuide.load();
  private static final CasewayValidator VALIDATOR = new CasewayValidator(GUIDE);
  private static final GatewayMessageIntake INTAKE = new GatewayMessageIntake(new AcceptSteps(),
      new FailureResponseBuilder(GUIDE.fhirContext(), CLOCK), new FhirJson(GUIDE.fhirContext()));

  @FuzzTest(maxDuration = "10s")
  @Timeout(value = 120, unit = SECONDS)
  void answersEveryRecord(byte[] value) {
    if (value.length > MAX_INPUT_BYTES) {
      return;
    }
    // As the Kafka route reads a record's value: a String, a malformed byte replaced.
    Acknowledgement ack = INTAKE.acknowledge(PROBATION, new String(value, StandardCharsets.UTF_8));

    assertThat(ack.code()).isIn("ok", "fatal-error");
    Bundle answer = GUIDE.fhirContext().newJsonParser().parseResource(Bundle.class, ack.responseJson());
    MessageHeader header = (MessageHeader) answer.getEntryFirstRep().getResource();
    assertThat(header.getResponse().getIdentifier()).isEqualTo(ack.answeredId());
    if (ack.code().equals("fatal-error")) {
      OperationOutcome outcome = (OperationOutcome) answer.getEntry().get(1).getResource();
      assertThat(outcome.getIssue()).isNotEmpty().allSatisfy(issue ->
          assertThat(issue.getDiagnostics()).as("what the partner should fix").isNotBlank().doesNotContain("\tat "));
    }
  }

  /** The accept route's steps before the journal, as plain calls, so that their exceptions show. */
  private static final class AcceptSteps extends MessageAcceptance {
    private final BundleReader reader =
        new BundleReader(GUIDE.fhirContext(), VALIDATOR, new JsonShapeCheck(AcceptProperties.defaults()));
    private final SenderCheck sender = new SenderCheck(new OnlyProbation());
    private final GuideValidation validation = new GuideValidation(VALIDATOR);
    private final ResponseMessageBuilder responses = new ResponseMessageBuilder(CLOCK);

    AcceptSteps() {
      super(null);
    }

    @Override
    public Bundle accept(String authenticatedPartner, String json) {
      IncomingMessage message = reader.read(json);
      sender.check(message, authenticatedPartner);
      validation.validate(message);
      MessageEnvelope envelope = message.envelope();
      return responses.build(new Acceptance(message, new AcceptedMessage(envelope.messageId(),
          envelope.sourcePartnerId(), envelope.eventCode(), envelope.subjectKey(), CLOCK.instant(), 0, 0L), false));
    }
  }

  private static final class OnlyProbation implements PartnerDirectory {
    private final Partner probation = new Partner(PROBATION, "Northshire Probation", PartnerStatus.ACTIVE);

    @Override
    public Optional<Partner> find(String partnerId) {
      return partnerId.equals(PROBATION) ? Optional.of(probation) : Optional.empty();
    }

    @Override
    public Collection<Partner> all() {
      return List.of(probation);
    }
  }
}
