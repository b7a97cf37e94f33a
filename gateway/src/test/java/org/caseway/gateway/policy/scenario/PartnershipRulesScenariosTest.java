package org.caseway.gateway.policy.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseway.gateway.policy.scenario.Ids.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.caseway.gateway.agreement.AgreementDocument;
import org.caseway.gateway.agreement.AgreementLoader;
import org.caseway.gateway.agreement.AgreementSet;
import org.caseway.gateway.partner.PartnerStatus;
import org.caseway.gateway.policy.Disclosure;
import org.caseway.gateway.policy.PolicyDecision;
import org.caseway.gateway.policy.Withholding;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The numbered rules that hold for every agreement (agreements.md, "Rules for every agreement"), both ways. */
class PartnershipRulesScenariosTest {

  private final Engine engine = new Engine();

  /** The incident, with the suspect in the IOM cohort: probation receives the most of it. */
  private Bundle incidentAboutCohortMember() {
    engine.links.link(id(NOMINAL, SUSPECT), id(CRN, "X123456"));
    engine.links.link(id(NOMINAL, VICTIM), id(CRN, "Y654321"));
    engine.links.link(id(NOMINAL, WITNESS), id(CRN, "Z111111"));
    return MessageBuilder.example("incident-reported").build();
  }

  @Nested
  class Rule1DenyByDefault {

    @Test
    void aSourceWithoutAnyRuleToTheRecipientSharesNothing() {
      PolicyDecision decision = engine.decide(
          MessageBuilder.example("incident-reported").from(HOUSING).build(), POLICE);

      assertThat(decision.disclosesAnything()).isFalse();
      assertThat(decision.withholdings()).singleElement().satisfies(w -> {
        assertThat(w.reasonCode()).isEqualTo("NO_AGREEMENT");
        assertThat(w.agreementId()).isNull();
        assertThat(w.categories()).contains("identity", "incident");
      });
    }

    @Test
    void anUnknownRecipientGetsNothing() {
      PolicyDecision decision = engine.decide(MessageBuilder.example("incident-reported").build(), "northshire-fire");

      assertThat(decision.withholdings()).extracting(Withholding::reasonCode).containsExactly("RECIPIENT_UNKNOWN");
    }

    @Test
    void whatARowAllowsIsShared() {
      assertThat(engine.decide(incidentAboutCohortMember(), PROBATION).disclosesAnything()).isTrue();
    }
  }

  @Nested
  class Rule2WitnessesAndReporters {

    @Test
    void aPoliceWitnessIsRemovedWithEverythingThatPointsToThem() {
      Disclosure view = engine.only(engine.decide(incidentAboutCohortMember(), PROBATION));

      assertThat(ViewReader.identifierValues(view.view())).doesNotContain(WITNESS, "Z111111")
          .contains(SUSPECT, VICTIM);
      assertThat(ViewReader.all(view.view(), Basic.class).get(0).getExtensionsByUrl(
          MessageBuilder.BASE + "/StructureDefinition/caseway-participant")).hasSize(2);
    }

    @Test
    void aPoliceReporterIsRemovedToo() {
      Bundle message = MessageBuilder.example("incident-reported").role(VICTIM, "REPORTER").build();
      engine.links.link(id(NOMINAL, SUSPECT), id(CRN, "X123456"));
      engine.links.link(id(NOMINAL, VICTIM), id(CRN, "Y654321"));
      PolicyDecision decision = engine.decide(message, PROBATION);

      assertThat(ViewReader.identifierValues(engine.only(decision).view())).containsOnly(SUSPECT, "2013/0456789K", "X123456");
      assertThat(decision.withholdings()).filteredOn(w -> w.reasonCode().equals("SOURCE_ONLY_ROLE")).hasSize(2)
          .allSatisfy(w -> assertThat(w.categories()).contains("identity"));
    }

    @Test
    void aCouncilComplainantIsRemovedWithTheirParticipation() {
      engine.links.link(id(COUNCIL_PARTY, PERPETRATOR), id(NOMINAL, SUSPECT));
      engine.links.link(id(COUNCIL_PARTY, CASE_VICTIM), id(NOMINAL, VICTIM));
      Bundle message = MessageBuilder.example("case-updated").role(CASE_VICTIM, "COMPLAINANT").build();

      Disclosure view = engine.only(engine.decide(message, POLICE));

      assertThat(ViewReader.identifiers(view.view())).containsExactly(id(NOMINAL, SUSPECT));
      assertThat(ViewReader.all(view.view(), Basic.class).get(0).getExtensionsByUrl(
          MessageBuilder.BASE + "/StructureDefinition/caseway-participant")).singleElement();
    }

    @Test
    void aVictimIsNotASourceOnlyRole() {
      engine.links.link(id(COUNCIL_PARTY, PERPETRATOR), id(NOMINAL, SUSPECT));
      engine.links.link(id(COUNCIL_PARTY, CASE_VICTIM), id(NOMINAL, VICTIM));

      Disclosure view = engine.only(engine.decide(MessageBuilder.example("case-updated").build(), POLICE));

      assertThat(ViewReader.identifiers(view.view())).containsExactly(id(NOMINAL, SUSPECT), id(NOMINAL, VICTIM));
    }
  }

  @Nested
  class Rule3Ethnicity {

    @Test
    void ethnicityNeverLeavesThePoliceEvenWhereEverythingElseMay() {
      PolicyDecision decision = engine.decide(incidentAboutCohortMember(), PROBATION);
      Disclosure view = engine.only(decision);

      assertThat(ViewReader.patientExtensions(view.view())).isEmpty();
      assertThat(view.categories()).doesNotContain("ethnicity");
      assertThat(decision.withholdings()).filteredOn(w -> w.reasonCode().equals("ETHNICITY_STAYS_AT_SOURCE"))
          .singleElement().satisfies(w -> assertThat(w.categories()).containsExactly("ethnicity"));
    }
  }

  @Nested
  class Rule4OfficialSensitive {

    @Test
    void goesToProbation() {
      incidentAboutCohortMember();
      Bundle sensitive = MessageBuilder.example("incident-reported").label("OFFICIAL-SENSITIVE", "R").build();

      Disclosure view = engine.only(engine.decide(sensitive, PROBATION));

      assertThat(view.view().getMeta().getSecurity()).extracting(c -> c.getCode())
          .as("labels carried forward").containsExactly("OFFICIAL-SENSITIVE", "R");
    }

    @Test
    void neverGoesToTheCouncil() {
      engine.links.link(id(NOMINAL, SUSPECT), id(COUNCIL_PARTY, "70001"));
      Bundle sensitive = MessageBuilder.example("incident-reported").label("OFFICIAL-SENSITIVE", "R").build();

      PolicyDecision decision = engine.decide(sensitive, COUNCIL);

      assertThat(decision.disclosesAnything()).isFalse();
      assertThat(decision.withholdings()).extracting(Withholding::reasonCode).containsExactly("OFFICIAL_SENSITIVE");
    }

    @Test
    void theOfficialSensitiveReferralDoesNotReachTheTrustEvenUnderVitalInterests() {
      engine.links.link(id(NOMINAL, "N0033907"), id(NHS, "9434765919"));

      PolicyDecision decision = engine.decide(MessageBuilder.example("referral").build(), MH_TRUST);

      assertThat(decision.withholdings()).extracting(Withholding::reasonCode).containsExactly("OFFICIAL_SENSITIVE");
    }

    @Test
    void theSameReferralLabelledOfficialReachesTheTrustUnderVitalInterests() {
      engine.links.link(id(NOMINAL, "N0033907"), id(NHS, "9434765919"));

      Disclosure view = engine.only(engine.decide(
          MessageBuilder.example("referral").label("OFFICIAL", "N").build(), MH_TRUST));

      assertThat(ViewReader.contents(view.view())).contains("ServiceRequest:caseway-referral", "Flag:caseway-health-flag");
      assertThat(ViewReader.identifiers(view.view())).containsExactly(id(NHS, "9434765919"));
    }
  }

  @Nested
  class Rule5ValidityAndRevocation {

    @Test
    void nothingBeforeTheStartDate() {
      PolicyDecision decision = engine.decide(incidentAboutCohortMember(), PROBATION, Instant.parse("2025-12-31T23:00:00Z"));

      assertThat(decision.disclosesAnything()).isFalse();
      assertThat(decision.withholdings()).singleElement().satisfies(w -> {
        assertThat(w.reasonCode()).isEqualTo("AGREEMENT_NOT_IN_FORCE");
        assertThat(w.reason()).contains("ISA-IOM v1 starts on 2026-01-01");
      });
    }

    @Test
    void sharesOnTheFirstAndLastDays() {
      assertThat(engine.decide(incidentAboutCohortMember(), PROBATION, Instant.parse("2026-01-01T00:00:00Z"))
          .disclosesAnything()).isTrue();
      assertThat(engine.decide(incidentAboutCohortMember(), PROBATION, Instant.parse("2027-12-31T23:59:59Z"))
          .disclosesAnything()).isTrue();
    }

    @Test
    void nothingAfterTheEndDate() {
      PolicyDecision decision = engine.decide(incidentAboutCohortMember(), PROBATION, Instant.parse("2028-01-01T00:00:00Z"));

      assertThat(decision.withholdings()).extracting(Withholding::reason).containsExactly(
          "ISA-IOM v1 ended on 2027-12-31 (decided for 2028-01-01T00:00:00Z)");
    }

    @Test
    void nothingOnceRevoked() {
      Engine revoked = new Engine(agreementsWith("isa-iom-v1.yaml", "status: active", "status: revoked"));
      revoked.links.link(id(NOMINAL, SUSPECT), id(CRN, "X123456"));

      PolicyDecision decision = revoked.decide(MessageBuilder.example("incident-reported").build(), PROBATION);

      assertThat(decision.disclosesAnything()).isFalse();
      assertThat(decision.withholdings()).extracting(Withholding::reason)
          .containsExactly("ISA-IOM v1 is revoked (decided for " + Engine.IN_FORCE + ")");
    }
  }

  @Nested
  class Rule6PartnerStatus {

    @Test
    void aSuspendedRecipientReceivesNothing() {
      Bundle message = incidentAboutCohortMember();
      engine.partners.set(PROBATION, PartnerStatus.SUSPENDED);

      PolicyDecision decision = engine.decide(message, PROBATION);

      assertThat(decision.disclosesAnything()).isFalse();
      assertThat(decision.withholdings()).singleElement().satisfies(w -> {
        assertThat(w.reasonCode()).isEqualTo("RECIPIENT_NOT_ACTIVE");
        assertThat(w.reason()).contains("suspended", "nothing is queued");
        assertThat(w.subjects()).hasSize(3);
      });
    }

    @Test
    void aWithdrawnRecipientReceivesNothing() {
      Bundle message = incidentAboutCohortMember();
      engine.partners.set(PROBATION, PartnerStatus.WITHDRAWN);

      assertThat(engine.decide(message, PROBATION).withholdings()).extracting(Withholding::reasonCode)
          .containsExactly("RECIPIENT_NOT_ACTIVE");
    }

    @Test
    void whatASuspendedSourceSentGoesToNobody() {
      Bundle message = incidentAboutCohortMember();
      engine.partners.set(POLICE, PartnerStatus.SUSPENDED);

      assertThat(engine.decide(message, PROBATION).withholdings()).extracting(Withholding::reasonCode)
          .containsExactly("SOURCE_NOT_ACTIVE");
    }

    @Test
    void aReinstatedRecipientReceivesAgain() {
      Bundle message = incidentAboutCohortMember();
      engine.partners.set(PROBATION, PartnerStatus.SUSPENDED).set(PROBATION, PartnerStatus.ACTIVE);

      assertThat(engine.decide(message, PROBATION).disclosesAnything()).isTrue();
    }
  }

  @Nested
  class Rule7EverythingIsRecorded {

    @Test
    void everyWithholdingSaysWhatAboutWhomUnderWhichAgreementAndWhy() {
      PolicyDecision decision = engine.decide(incidentAboutCohortMember(), PROBATION);

      assertThat(decision.messageId()).isEqualTo("bbdc2b97-4a4c-5865-a589-66798ff8df16");
      assertThat(decision.sourceId()).isEqualTo(POLICE);
      assertThat(decision.recipientId()).isEqualTo(PROBATION);
      assertThat(decision.event()).isEqualTo("incident-reported");
      assertThat(decision.withholdings()).isNotEmpty().allSatisfy(w -> {
        assertThat(w.agreementId()).isEqualTo("ISA-IOM");
        assertThat(w.agreementVersion()).isEqualTo(1);
        assertThat(w.purpose()).isEqualTo("IOM");
        assertThat(w.reasonCode()).matches("[A-Z_]+");
        assertThat(w.reason()).isNotBlank();
        assertThat(w.categories()).isNotEmpty();
        assertThat(w.subjects()).isNotEmpty();
      });
      Disclosure disclosure = engine.only(decision);
      assertThat(disclosure.subjects()).hasSize(2);
      assertThat(disclosure.elements()).contains("Patient", "Basic", "Flag");
    }
  }

  @Nested
  class Rule8OneDisclosurePerAgreement {

    @Test
    void aRecipientUnderTwoAgreementsGetsTwoViewsEachSayingWhich() {
      Engine twoAgreements = new Engine(withExtraAgreement());
      twoAgreements.links.link(id(NOMINAL, SUSPECT), id(COUNCIL_PARTY, "70001"));

      PolicyDecision decision = twoAgreements.decide(MessageBuilder.example("incident-reported").build(), COUNCIL);

      assertThat(decision.disclosures()).extracting(Disclosure::agreementId).containsExactly("ISA-ASB", "ISA-NARRATIVE");
      Disclosure asb = decision.disclosures().get(0);
      Disclosure narrative = decision.disclosures().get(1);
      assertThat(asb.view().getId()).isNotEqualTo(narrative.view().getId());
      assertThat(narrative.view().getMeta().getTag()).singleElement()
          .satisfies(t -> assertThat(t.getCode() + " v" + t.getVersion()).isEqualTo("ISA-NARRATIVE v1"));
      assertThat(ViewReader.recordExtensions(asb.view())).doesNotContain("caseway-narrative");
      assertThat(ViewReader.recordExtensions(narrative.view())).contains("caseway-narrative");
      assertThat(narrative.view().getEntry()).extracting(e -> e.getResource().fhirType())
          .as("the narrative agreement shares no risk").doesNotContain("Flag");
    }

    private AgreementSet withExtraAgreement() {
      List<AgreementDocument> documents = new ArrayList<>(NorthshireAgreements.documents());
      documents.add(new AgreementDocument("isa-narrative-v1.yaml", """
          id: ISA-NARRATIVE
          version: 1
          title: Incident narratives for ASB case building (test only)
          status: active
          valid-from: 2026-01-01
          valid-to: 2027-12-31
          legal-basis: [UK GDPR Art. 6(1)(e)]
          parties: [northshire-police, northshire-council]
          purposes: [ASB]
          rules:
            - from: northshire-police
              to: northshire-council
              share: [identity, incident, narrative]
          """));
      AgreementLoader.Result result = NorthshireAgreements.loader().load(documents);
      assertThat(result.problems()).isEmpty();
      return result.agreements();
    }
  }

  @Nested
  class DeterministicViews {

    @Test
    void aRedecisionGivesTheSameIdsAndOtherRecipientsOtherIds() {
      Bundle message = incidentAboutCohortMember();
      engine.links.link(id(NOMINAL, SUSPECT), id(TENANCY, "T104233"));

      Bundle first = engine.only(engine.decide(message, PROBATION)).view();
      Bundle again = engine.only(engine.decide(message, PROBATION)).view();
      Bundle housing = engine.only(engine.decide(message, HOUSING)).view();

      assertThat(again.getId()).isEqualTo(first.getId());
      assertThat(ViewReader.header(again).getId()).isEqualTo(ViewReader.header(first).getId());
      assertThat(housing.getId()).isNotEqualTo(first.getId()).isNotEqualTo(message.getId());
      assertThat(ViewReader.header(first).getDestinationFirstRep().getEndpoint()).isEqualTo("urn:caseway:partner:" + PROBATION);
      assertThat(ViewReader.header(first).getSource().getEndpoint()).isEqualTo("urn:caseway:partner:" + POLICE);
      assertThat(MessageBuilder.json(engine.only(engine.decide(message, PROBATION)).view()))
          .isEqualTo(MessageBuilder.json(first));
    }
  }

  static AgreementSet agreementsWith(String file, String replace, String with) {
    List<AgreementDocument> documents = NorthshireAgreements.documents().stream()
        .map(d -> d.file().equals(file) ? new AgreementDocument(d.file(), d.text().replace(replace, with)) : d)
        .toList();
    AgreementLoader.Result result = NorthshireAgreements.loader().load(documents);
    assertThat(result.problems()).isEmpty();
    return result.agreements();
  }
}
