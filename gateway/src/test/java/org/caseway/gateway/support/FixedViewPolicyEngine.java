package org.caseway.gateway.support;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.caseway.gateway.identity.AgencyIdentifier;
import org.caseway.gateway.identity.PatientFacts;
import org.caseway.gateway.policy.Disclosure;
import org.caseway.gateway.policy.PolicyDecision;
import org.caseway.gateway.policy.PolicyEngine;
import org.caseway.gateway.policy.Withholding;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;

/**
 * A stand-in for the real engine, for tests of what happens around a decision (dispatch, record,
 * delivery): discloses the whole message to probation (IOM) and the trust (SAFEGUARDING) under
 * agreement {@value #AGREEMENT} v{@value #VERSION}, and withholds everything from everyone else.
 * The view's Bundle.identifier is {@code disclosure-of:{message id}} so tests can find it.
 */
public class FixedViewPolicyEngine implements PolicyEngine {

  public static final String AGREEMENT = "ISA-TEST";
  public static final int VERSION = 3;
  public static final String MARKER_SYSTEM = "urn:caseway:test:disclosure-of";

  /**
   * For {@code @Import} in a Spring test about what happens around a decision: this engine, primary
   * over the agreements' engine.
   */
  @org.springframework.boot.test.context.TestConfiguration
  public static class InPlaceOfTheAgreements {
    @org.springframework.context.annotation.Bean
    @org.springframework.context.annotation.Primary
    PolicyEngine fixedViewPolicyEngine() {
      return new FixedViewPolicyEngine();
    }
  }

  @Override
  public PolicyDecision decide(Bundle message, String recipientId, Instant at) {
    String messageId = message.getIdElement().getIdPart();
    List<Set<AgencyIdentifier>> subjects =
        PatientFacts.of(message).stream().map(p -> Set.copyOf(p.identifiers())).toList();
    String event = ((org.hl7.fhir.r4.model.MessageHeader) message.getEntryFirstRep().getResource()).getEventCoding().getCode();
    String source = ((org.hl7.fhir.r4.model.MessageHeader) message.getEntryFirstRep().getResource()).getSource().getEndpoint().replace("urn:caseway:partner:", "");
    String purpose = switch (recipientId) {
      case "northshire-probation" -> "IOM";
      case "northshire-mh-trust" -> "SAFEGUARDING";
      default -> null;
    };
    if (purpose == null) {
      return new PolicyDecision(messageId, event, source, recipientId, List.of(),
          List.of(new Withholding(null, null, null, "NO_AGREEMENT", "No agreement allows it",
              Set.of("identity"), subjects)), List.of());
    }
    Bundle view = message.copy();
    // Like the real engine: the same view id every time for the same message and recipient.
    view.setId(UUID.nameUUIDFromBytes((messageId + "|" + recipientId).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
    view.setIdentifier(new Identifier().setSystem(MARKER_SYSTEM).setValue(messageId));
    Disclosure disclosure = new Disclosure(AGREEMENT, VERSION, purpose, view,
        Set.of("identity", "incident"), List.of("Patient.identifier", "Patient.name"), subjects);
    return new PolicyDecision(messageId, event, source, recipientId, List.of(disclosure), List.of(), List.of());
  }

  /** Every identifier of the message's people, flattened. */
  public static Set<AgencyIdentifier> people(Bundle message) {
    return PatientFacts.of(message).stream().flatMap(p -> p.identifiers().stream()).collect(Collectors.toSet());
  }
}
