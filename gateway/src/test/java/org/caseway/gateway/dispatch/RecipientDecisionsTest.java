package org.caseway.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caseway.gateway.partner.Partner;
import org.caseway.gateway.partner.PartnerDirectory;
import org.caseway.gateway.partner.PartnerStatus;
import org.caseway.gateway.policy.PolicyDecision;
import org.caseway.gateway.support.FixedViewPolicyEngine;
import org.caseway.gateway.support.Messages;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

class RecipientDecisionsTest {

  private final List<String> asked = new ArrayList<>();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @Test
  void asksAboutEveryPartnerButTheSourceAndGivesStableDisclosureIds() {
    Bundle message = Messages.example("Bundle-example-incident-reported");
    RecipientDecisions decisions = new RecipientDecisions(recordingEngine(), directory(PartnerStatus.ACTIVE), meters);

    List<PolicyDecision> first = decisions.decide(message, "northshire-police", Instant.now());
    List<PolicyDecision> again = decisions.decide(message, "northshire-police", Instant.now());

    assertThat(first).extracting(PolicyDecision::recipientId)
        .containsExactly("northshire-council", "northshire-probation");
    assertThat(asked).doesNotContain("northshire-police");
    assertThat(meters.timer(RecipientDecisions.DECIDE_TIMER).count()).isEqualTo(4);
    String id = first.get(1).disclosures().get(0).view().getIdElement().getIdPart();
    assertThat(id).isEqualTo(again.get(1).disclosures().get(0).view().getIdElement().getIdPart())
        .isNotEqualTo(message.getIdElement().getIdPart());
  }

  @Test
  void holdsBackEverythingFromAPartnerThatIsNotActiveWhateverTheEngineSaid() {
    Bundle message = Messages.example("Bundle-example-incident-reported");
    RecipientDecisions decisions = new RecipientDecisions(recordingEngine(), directory(PartnerStatus.SUSPENDED), meters);

    PolicyDecision probation = decisions.decide(message, "northshire-police", Instant.now()).get(1);

    assertThat(probation.disclosures()).isEmpty();
    assertThat(probation.withholdings()).singleElement().satisfies(w -> {
      assertThat(w.reasonCode()).isEqualTo("PARTNER_NOT_ACTIVE");
      assertThat(w.agreementId()).isEqualTo(FixedViewPolicyEngine.AGREEMENT);
      assertThat(w.reason()).contains("suspended");
    });
  }

  private FixedViewPolicyEngine recordingEngine() {
    return new FixedViewPolicyEngine() {
      @Override
      public PolicyDecision decide(Bundle message, String recipientId, Instant at) {
        asked.add(recipientId);
        return super.decide(message, recipientId, at);
      }
    };
  }

  private static PartnerDirectory directory(PartnerStatus probationStatus) {
    List<Partner> partners = List.of(
        new Partner("northshire-police", "Police", PartnerStatus.ACTIVE),
        new Partner("northshire-council", "Council", PartnerStatus.ACTIVE),
        new Partner("northshire-probation", "Probation", probationStatus));
    return new PartnerDirectory() {
      @Override
      public Optional<Partner> find(String id) {
        return partners.stream().filter(p -> p.id().equals(id)).findFirst();
      }

      @Override
      public List<Partner> all() {
        return partners;
      }
    };
  }
}
