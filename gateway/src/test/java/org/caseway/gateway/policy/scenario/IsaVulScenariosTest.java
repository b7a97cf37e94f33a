package org.caseway.gateway.policy.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseway.gateway.policy.scenario.Ids.*;
import static org.hl7.fhir.r4.model.Consent.ConsentProvisionType.DENY;
import static org.hl7.fhir.r4.model.Consent.ConsentProvisionType.PERMIT;

import java.util.Set;
import org.caseway.gateway.policy.Disclosure;
import org.caseway.gateway.policy.PolicyDecision;
import org.caseway.gateway.policy.Withholding;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** ISA-VUL v2, row by row, each both ways, with consent, refusal and vital interests. */
class IsaVulScenariosTest {

  private final Engine engine = new Engine();

  @Nested
  class PoliceToMentalHealthTrust {

    @BeforeEach
    void suspectKnownToTheTrust() {
      engine.links.link(id(NOMINAL, SUSPECT), id(NHS, "9434765919"));
    }

    @Test
    void sharesAboutAPersonWithAnMhMarkerWhoConsented() {
      Disclosure view = engine.only(engine.decide(
          MessageBuilder.example("incident-reported").consent(SUSPECT, PERMIT).build(), MH_TRUST));

      assertThat(view.agreementId()).isEqualTo("ISA-VUL");
      assertThat(view.purpose()).isEqualTo("SAFEGUARDING");
      assertThat(ViewReader.identifiers(view.view())).as("the suspect only, by NHS number")
          .containsExactly(id(NHS, "9434765919"));
      assertThat(ViewReader.markers(view.view())).containsExactly("MH", "VI");
      assertThat(ViewReader.all(view.view(), Consent.class)).singleElement()
          .satisfies(c -> assertThat(c.getProvision().getType()).isEqualTo(PERMIT));
      assertThat(ViewReader.recordExtensions(view.view())).contains("caseway-narrative");
      assertThat(view.categories()).doesNotContain("offending", "identifiers", "ethnicity");
    }

    @Test
    void withholdsWithoutRecordedConsent() {
      PolicyDecision decision = engine.decide(MessageBuilder.example("incident-reported").build(), MH_TRUST);

      assertThat(decision.disclosesAnything()).isFalse();
      assertThat(decision.withholdings()).extracting(Withholding::reasonCode).contains("CONSENT_NOT_RECORDED");
    }

    @Test
    void withholdsWhenConsentIsRefused() {
      PolicyDecision decision = engine.decide(
          MessageBuilder.example("incident-reported").consent(SUSPECT, DENY).build(), MH_TRUST);

      assertThat(decision.disclosesAnything()).isFalse();
      assertThat(decision.withholdings()).extracting(Withholding::reasonCode).contains("CONSENT_REFUSED");
    }

    @Test
    void sharesDespiteARefusalWhenTheSubjectHasAnShMarker() {
      Disclosure view = engine.only(engine.decide(MessageBuilder.example("incident-reported")
          .consent(SUSPECT, DENY).marker(SUSPECT, "health", "SH").build(), MH_TRUST));

      assertThat(ViewReader.markers(view.view())).containsExactly("MH", "SH", "VI");
      assertThat(ViewReader.all(view.view(), Consent.class)).as("the refusal is shared too: the trust must know")
          .singleElement().satisfies(c -> assertThat(c.getProvision().getType()).isEqualTo(DENY));
    }

    @Test
    void withholdsAboutSomeoneWithoutAnMhOrShMarkerEvenWithConsent() {
      PolicyDecision decision = engine.decide(MessageBuilder.example("incident-reported")
          .withoutFlags(SUSPECT).consent(SUSPECT, PERMIT).build(), MH_TRUST);

      assertThat(decision.disclosesAnything()).isFalse();
      assertThat(decision.withholdings()).extracting(Withholding::reasonCode).contains("MARKER_ABSENT");
    }
  }

  @Nested
  class MentalHealthTrustToPolice {

    @BeforeEach
    void patientKnownToThePolice() {
      engine.links.link(id(NHS, "9434765919"), id(NOMINAL, SUSPECT));
    }

    @Test
    void sharesIdentityAndRiskWithRecordedConsent() {
      Disclosure view = engine.only(engine.decide(MessageBuilder.example("risk-flag-raised").build(), POLICE));

      assertThat(view.categories()).containsExactlyInAnyOrder("identity", "risk", "message");
      assertThat(ViewReader.identifiers(view.view())).containsExactly(id(NOMINAL, SUSPECT));
      assertThat(ViewReader.markers(view.view())).containsExactly("VI");
      assertThat(ViewReader.all(view.view(), Consent.class)).as("consent is health data").isEmpty();
    }

    @Test
    void withholdsWhenConsentIsRefused() {
      String patient = "9434765919";
      PolicyDecision decision = engine.decide(
          MessageBuilder.example("risk-flag-raised").consent(patient, DENY).build(), POLICE);

      assertThat(decision.disclosesAnything()).isFalse();
      assertThat(decision.withholdings()).extracting(Withholding::reasonCode).contains("CONSENT_REFUSED");
    }
  }

  @Nested
  class MentalHealthTrustToCouncil {

    @Test
    void sharesNothingWhileTheCouncilDoesNotSubscribeForSafeguarding() {
      PolicyDecision decision = engine.decide(MessageBuilder.example("risk-flag-raised").build(), COUNCIL);

      assertThat(decision.disclosesAnything()).isFalse();
      assertThat(decision.withholdings()).extracting(Withholding::reasonCode).containsExactly("NOT_SUBSCRIBED");
    }

    @Test
    void sharesIdentityAndRiskWithConsentOnceSubscribed() {
      engine.partners.subscribe(COUNCIL, Set.of("risk-flag-raised"), Set.of("SAFEGUARDING"));
      engine.links.link(id(NHS, "9434765919"), id(COUNCIL_PARTY, "70001"));

      Disclosure view = engine.only(engine.decide(MessageBuilder.example("risk-flag-raised").build(), COUNCIL));

      assertThat(view.agreementId()).isEqualTo("ISA-VUL");
      assertThat(view.categories()).containsExactlyInAnyOrder("identity", "risk", "message");
      assertThat(ViewReader.identifiers(view.view())).containsExactly(id(COUNCIL_PARTY, "70001"));
    }

    @Test
    void withholdsWithoutConsentOnceSubscribed() {
      engine.partners.subscribe(COUNCIL, Set.of("risk-flag-raised"), Set.of("SAFEGUARDING"));
      engine.links.link(id(NHS, "9434765919"), id(COUNCIL_PARTY, "70001"));

      PolicyDecision decision = engine.decide(
          MessageBuilder.example("risk-flag-raised").withoutConsent("9434765919").build(), COUNCIL);

      assertThat(decision.disclosesAnything()).isFalse();
      assertThat(decision.withholdings()).extracting(Withholding::reasonCode).contains("CONSENT_NOT_RECORDED");
    }
  }
}
