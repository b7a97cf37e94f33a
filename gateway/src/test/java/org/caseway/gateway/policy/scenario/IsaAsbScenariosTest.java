package org.caseway.gateway.policy.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseway.gateway.policy.scenario.Ids.*;

import org.caseway.gateway.policy.Disclosure;
import org.caseway.gateway.policy.PolicyDecision;
import org.caseway.gateway.policy.Withholding;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Location;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** ISA-ASB v3, row by row, each both ways (agreements.md, "ISA-ASB"). */
class IsaAsbScenariosTest {

  private final Engine engine = new Engine();

  @Nested
  class PoliceToCouncil {

    /** The incident, with the suspect and victim known to the council by party id. */
    private Bundle incidentAboutCouncilParties() {
      engine.links.link(id(NOMINAL, SUSPECT), id(COUNCIL_PARTY, "70001"));
      engine.links.link(id(NOMINAL, VICTIM), id(COUNCIL_PARTY, "70002"));
      return MessageBuilder.example("incident-reported").address(SUSPECT, "14 Larch Close", "NN7 4QT").build();
    }

    @Test
    void sharesIdentityContactIncidentAndRiskAndNothingElse() {
      Disclosure view = engine.only(engine.decide(incidentAboutCouncilParties(), COUNCIL));

      assertThat(view.agreementId()).isEqualTo("ISA-ASB");
      assertThat(view.agreementVersion()).isEqualTo(3);
      assertThat(view.purpose()).isEqualTo("ASB");
      assertThat(view.categories()).containsExactlyInAnyOrder("identity", "contact", "incident", "risk", "message");
      assertThat(ViewReader.contents(view.view())).containsExactly(
          "MessageHeader:caseway-message-header", "Basic:caseway-incident", "Location:caseway-location",
          "Patient:caseway-subject", "Patient:caseway-subject", "Flag:caseway-risk-flag",
          "Organization:caseway-organization", "Provenance:caseway-provenance");
      assertThat(ViewReader.identifiers(view.view()))
          .as("the council's own party ids; no nominal (identifiers), no PNC id (offending)")
          .containsExactly(id(COUNCIL_PARTY, "70001"), id(COUNCIL_PARTY, "70002"));
      assertThat(ViewReader.markers(view.view())).containsExactly("VI");
      assertThat(ViewReader.anyContact(view.view())).isTrue();
      assertThat(ViewReader.recordExtensions(view.view())).doesNotContain("caseway-narrative")
          .contains("caseway-incident-type", "caseway-reported-at", "caseway-incident-location");
      assertThat(ViewReader.location(view.view()).getAddress().getText()).isEqualTo("Outside 14 Larch Close, Kettleby");
    }

    @Test
    void withholdsHealthNarrativeIdentifiersAndOffendingWithReasons() {
      PolicyDecision decision = engine.decide(incidentAboutCouncilParties(), COUNCIL);

      assertThat(decision.withholdings()).filteredOn(w -> w.reasonCode().equals("CATEGORY_NOT_ALLOWED"))
          .singleElement().satisfies(w -> {
            assertThat(w.categories()).containsExactlyInAnyOrder("health", "narrative", "identifiers", "offending");
            assertThat(w.agreementId()).isEqualTo("ISA-ASB");
            assertThat(w.agreementVersion()).isEqualTo(3);
          });
    }

    @Test
    void namesPeopleTheCouncilHasNoIdForByAPseudonymOfItsOwn() {
      PolicyDecision decision = engine.decide(MessageBuilder.example("incident-reported").build(), COUNCIL);
      PolicyDecision again = engine.decide(MessageBuilder.example("incident-reported").build(), COUNCIL);
      PolicyDecision toHousing = engine.decide(MessageBuilder.example("incident-reported").build(), HOUSING);

      Disclosure view = engine.only(decision);
      assertThat(ViewReader.identifiers(view.view()))
          .as("no nominal ref (identifiers), no PNC id (offending): one pseudonym per person")
          .hasSize(2)
          .allSatisfy(i -> assertThat(i).startsWith("https://caseway.example/id/subject|"));
      assertThat(ViewReader.identifiers(engine.only(again).view()))
          .as("the same pseudonyms for the same people, every time")
          .isEqualTo(ViewReader.identifiers(view.view()));
      assertThat(toHousing.disclosures()).as("housing hears about no one it holds no tenancy for").isEmpty();
      assertThat(decision.withholdings()).extracting(Withholding::reasonCode).doesNotContain("PERSON_NOT_IDENTIFIABLE");
    }
  }

  @Nested
  class PoliceToHousing {

    @Test
    void sharesAboutATenantOnlyThePostcodeAndOnlyViolentOrWeaponsMarkers() {
      engine.links.link(id(NOMINAL, SUSPECT), id(TENANCY, "T104233"));
      Bundle message = MessageBuilder.example("incident-reported")
          .marker(SUSPECT, "risk", "WE").marker(SUSPECT, "risk", "DR")
          .address(SUSPECT, "14 Larch Close", "NN7 4QT").build();

      Disclosure view = engine.only(engine.decide(message, HOUSING));

      assertThat(ViewReader.identifiers(view.view())).as("only the tenant, by housing's own reference")
          .containsExactly(id(TENANCY, "T104233"));
      Location location = ViewReader.location(view.view());
      assertThat(location.getAddress().getPostalCode()).isEqualTo("NN7 4QT");
      assertThat(location.getAddress().hasText()).isFalse();
      assertThat(location.hasExtension()).as("no grid reference").isFalse();
      assertThat(ViewReader.markers(view.view())).containsExactly("VI", "WE");
      assertThat(ViewReader.anyContact(view.view())).as("contact is not allowed to housing").isFalse();
      assertThat(ViewReader.recordExtensions(view.view())).doesNotContain("caseway-narrative");
      assertThat(view.categories()).containsExactlyInAnyOrder("identity", "incident", "risk", "message");
    }

    @Test
    void recordsWhatTheValueConditionsWithheld() {
      engine.links.link(id(NOMINAL, SUSPECT), id(TENANCY, "T104233"));
      PolicyDecision decision = engine.decide(
          MessageBuilder.example("incident-reported").marker(SUSPECT, "risk", "DR").build(), HOUSING);

      assertThat(decision.withholdings()).filteredOn(w -> w.reasonCode().equals("VALUE_RESTRICTED"))
          .extracting(Withholding::reason)
          .containsExactlyInAnyOrder("withheld location detail beyond the postcode",
              "withheld flags [DR] (only [VI, WE] may be shared)");
      assertThat(decision.withholdings()).filteredOn(w -> w.reasonCode().equals("SUBJECT_NOT_LINKED"))
          .singleElement().satisfies(w -> assertThat(w.subjects()).singleElement()
              .satisfies(s -> assertThat(s).extracting(Object::toString).containsExactly(id(NOMINAL, VICTIM))));
    }

    @Test
    void sharesNothingWhenNobodyIsATenant() {
      PolicyDecision decision = engine.decide(MessageBuilder.example("incident-reported").build(), HOUSING);

      assertThat(decision.disclosesAnything()).isFalse();
      assertThat(decision.withholdings()).extracting(Withholding::reasonCode)
          .contains("SUBJECT_NOT_LINKED", "NO_SUBJECT_QUALIFIES");
    }
  }

  @Nested
  class CouncilToPolice {

    private Bundle caseUpdated(String riskLevel) {
      engine.links.link(id(COUNCIL_PARTY, PERPETRATOR), id(NOMINAL, SUSPECT));
      engine.links.link(id(COUNCIL_PARTY, CASE_VICTIM), id(NOMINAL, VICTIM));
      return MessageBuilder.example("case-updated").riskLevel(riskLevel).build();
    }

    @Test
    void sharesHealthForAHighRiskCase() {
      Disclosure view = engine.only(engine.decide(caseUpdated("HIGH"), POLICE));

      assertThat(view.categories()).containsExactlyInAnyOrder("identity", "contact", "case", "health", "message");
      assertThat(ViewReader.markers(view.view())).containsExactly("MENTAL_HEALTH");
      assertThat(ViewReader.identifiers(view.view())).as("police's own nominals; not the council's party ids")
          .containsExactly(id(NOMINAL, SUSPECT), id(NOMINAL, VICTIM));
      assertThat(ViewReader.anyContact(view.view())).isTrue();
      assertThat(ViewReader.recordExtensions(view.view()))
          .contains("caseway-case-status", "caseway-risk-level", "caseway-case-action")
          .doesNotContain("caseway-narrative");
    }

    @Test
    void withholdsHealthButSharesTheCaseWhenTheRiskIsNotHigh() {
      PolicyDecision decision = engine.decide(caseUpdated("MEDIUM"), POLICE);
      Disclosure view = engine.only(decision);

      assertThat(view.categories()).containsExactlyInAnyOrder("identity", "contact", "case", "message");
      assertThat(ViewReader.markers(view.view())).isEmpty();
      assertThat(decision.withholdings()).filteredOn(w -> w.reasonCode().equals("VALUE_NOT_MET"))
          .singleElement().satisfies(w -> assertThat(w.categories()).containsExactly("health"));
    }
  }

  @Nested
  class CouncilToHousing {

    @Test
    void sharesIdentityAndTheCaseAboutATenant() {
      engine.links.link(id(COUNCIL_PARTY, OPENED_PERPETRATOR), id(TENANCY, "T104233"));

      Disclosure view = engine.only(engine.decide(MessageBuilder.example("case-opened").build(), HOUSING));

      assertThat(view.categories()).containsExactlyInAnyOrder("identity", "case", "message");
      assertThat(ViewReader.identifiers(view.view())).containsExactly(id(TENANCY, "T104233"));
      assertThat(ViewReader.markers(view.view())).as("health is not allowed to housing").isEmpty();
      assertThat(ViewReader.anyContact(view.view())).isFalse();
    }

    @Test
    void sharesNothingAboutSomeoneWhoIsNotATenant() {
      PolicyDecision decision = engine.decide(MessageBuilder.example("case-opened").build(), HOUSING);

      assertThat(decision.disclosesAnything()).isFalse();
      assertThat(decision.withholdings()).extracting(Withholding::reasonCode).contains("SUBJECT_NOT_LINKED");
    }
  }
}
