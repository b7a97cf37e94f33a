package org.caseway.gateway.policy.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseway.gateway.policy.scenario.Ids.*;

import org.caseway.gateway.policy.Disclosure;
import org.caseway.gateway.policy.PolicyDecision;
import org.caseway.gateway.policy.Withholding;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** ISA-IOM v1, row by row, each both ways (agreements.md, "ISA-IOM"). */
class IsaIomScenariosTest {

  private final Engine engine = new Engine();

  @Nested
  class PoliceToProbation {

    @Test
    void sharesEverythingTheRowAllowsAboutSomeoneInTheCohort() {
      engine.links.link(id(NOMINAL, SUSPECT), id(CRN, "X123456"));

      Disclosure view = engine.only(engine.decide(MessageBuilder.example("incident-reported").build(), PROBATION));

      assertThat(view.agreementId()).isEqualTo("ISA-IOM");
      assertThat(view.purpose()).isEqualTo("IOM");
      assertThat(ViewReader.identifiers(view.view()))
          .as("the suspect only: nominal (identifiers), PNC (offending), and probation's own CRN")
          .containsExactlyInAnyOrder(id(CRN, "X123456"), id(PNC, "2013/0456789K"), id(NOMINAL, SUSPECT));
      assertThat(ViewReader.markers(view.view())).containsExactly("MH", "VI");
      assertThat(ViewReader.recordExtensions(view.view())).contains("caseway-narrative");
      assertThat(ViewReader.patientExtensions(view.view())).as("ethnicity never leaves the police").isEmpty();
      assertThat(ViewReader.all(view.view(), Consent.class)).as("the victim's consent goes with the victim").isEmpty();
      assertThat(view.categories()).containsExactlyInAnyOrder(
          "identity", "identifiers", "incident", "narrative", "risk", "health", "offending", "message");
      assertThat(view.elements()).contains("Patient.identifier:pnc", "Basic.extension:narrative");
    }

    @Test
    void sharesNothingAboutPeopleOutsideTheCohort() {
      PolicyDecision decision = engine.decide(MessageBuilder.example("incident-reported").build(), PROBATION);

      assertThat(decision.disclosesAnything()).isFalse();
      assertThat(decision.withholdings()).filteredOn(w -> w.reasonCode().equals("SUBJECT_NOT_LINKED")).hasSize(2);
    }
  }

  @Nested
  class ProbationToPolice {

    /** Probation raises a drugs marker on someone on its caseload. */
    private Bundle riskFlagRaisedByProbation() {
      return MessageBuilder.example("risk-flag-lifted").event("risk-flag-raised").build();
    }

    @Test
    void sharesIdentityIdentifiersRiskAndOffending() {
      engine.links.link(id(CRN, "X123456"), id(NOMINAL, "N0033907"));

      Disclosure view = engine.only(engine.decide(riskFlagRaisedByProbation(), POLICE));

      assertThat(view.agreementId()).isEqualTo("ISA-IOM");
      assertThat(ViewReader.identifiers(view.view()))
          .containsExactlyInAnyOrder(id(CRN, "X123456"), id(PNC, "2022/0001234B"), id(NOMINAL, "N0033907"));
      assertThat(ViewReader.markers(view.view())).containsExactly("DR");
      assertThat(view.categories()).containsExactlyInAnyOrder("identity", "identifiers", "offending", "risk", "message");
    }

    @Test
    void sharesNothingForAnEventThePoliceDoNotSubscribeTo() {
      PolicyDecision decision = engine.decide(MessageBuilder.example("iom-cohort-changed").build(), POLICE);

      assertThat(decision.disclosesAnything()).isFalse();
      assertThat(decision.withholdings()).extracting(Withholding::reasonCode).containsExactly("NOT_SUBSCRIBED");
    }
  }

  @Nested
  class CouncilToProbation {

    @Test
    void sharesIdentityAndTheCaseAboutSomeoneInTheCohort() {
      engine.links.link(id(COUNCIL_PARTY, OPENED_PERPETRATOR), id(CRN, "X123456"));

      Disclosure view = engine.only(engine.decide(MessageBuilder.example("case-opened").build(), PROBATION));

      assertThat(view.categories()).containsExactlyInAnyOrder("identity", "case", "message");
      assertThat(ViewReader.identifiers(view.view())).as("probation's own CRN; not the council's party id")
          .containsExactly(id(CRN, "X123456"));
      assertThat(ViewReader.markers(view.view())).isEmpty();
      assertThat(ViewReader.anyContact(view.view())).isFalse();
    }

    @Test
    void sharesNothingAboutSomeoneOutsideTheCohort() {
      PolicyDecision decision = engine.decide(MessageBuilder.example("case-opened").build(), PROBATION);

      assertThat(decision.disclosesAnything()).isFalse();
      assertThat(decision.withholdings()).extracting(Withholding::reasonCode).contains("SUBJECT_NOT_LINKED");
    }
  }
}
