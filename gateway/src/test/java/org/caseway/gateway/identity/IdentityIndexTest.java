package org.caseway.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.caseway.gateway.error.GatewayException;
import org.caseway.gateway.support.CountingTransactions;
import org.caseway.gateway.support.TestDatabase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

class IdentityIndexTest {

  static final AgencyIdentifier PNC = new AgencyIdentifier(IdentifierSystems.PNC, "2019/0123456X");
  static final AgencyIdentifier CRN = new AgencyIdentifier(IdentifierSystems.CRN, "X123456");
  static final AgencyIdentifier NHS = new AgencyIdentifier(IdentifierSystems.NHS_NUMBER, "9434765919");
  static final AgencyIdentifier NOMINAL =
      new AgencyIdentifier("https://id.northshire.police.uk/nominal", "N0048213");
  static final AgencyIdentifier PARTY = new AgencyIdentifier("https://id.northshire.gov.uk/asb-party", "4711");
  static final AgencyIdentifier TENANCY = new AgencyIdentifier(IdentifierSystems.TENANCY, "T104233");

  private IdentityIndex index;
  private IdentityLearner learner;
  private CountingTransactions learnerCommits;
  private IdentityStore store;

  @BeforeEach
  void freshDatabase() {
    TestDatabase db = TestDatabase.migrated();
    store = new IdentityStore(db.jdbc());
    index = new IdentityIndex(store, db.transactions(), Clock.systemUTC());
    learnerCommits = new CountingTransactions(db.transactions().getTransactionManager());
    learner = new IdentityLearner(store, new TransactionTemplate(learnerCommits), Clock.systemUTC());
  }

  @Test
  void aMessageAboutPeopleTheIndexKnowsAlreadyTakesNoTurnAndCommitsNothing() {
    Demo dean = new Demo("Dean", "Whitfield", "1994-03-17", "NN7 4QT");
    learner.learnFrom(message(patient(dean, NOMINAL, PNC)), "m1");
    learner.learnFrom(message(patient(dean, PARTY)), "m2");
    assertThat(learnerCommits.commits()).as("each message that taught something").isEqualTo(2);

    learner.learnFrom(message(patient(dean, NOMINAL, PNC)), "m3");
    learner.learnFrom(message(patient(dean, PARTY)), "m4");
    learner.learnFrom(message(patient(null, PNC, NOMINAL)), "m5");

    assertThat(learnerCommits.commits()).as("messages that teach nothing new").isEqualTo(2);
    assertThat(index.linkedTo(List.of(PARTY))).containsExactlyInAnyOrder(PARTY, PNC, NOMINAL);
    assertThat(index.linksOf(PARTY)).extracting(IdentityLink::source).containsExactly("message:m2");
  }

  @Test
  void aMessageWithOneNewFactAmongKnownOnesIsLearntInItsTurn() {
    Demo dean = new Demo("Dean", "Whitfield", "1994-03-17", "NN7 4QT");
    learner.learnFrom(message(patient(dean, NOMINAL, PNC)), "m1");

    learner.learnFrom(message(patient(dean, NOMINAL, PNC), patient(null, PNC, CRN)), "m2");
    learner.learnFrom(message(patient(new Demo("Dean", "Whitfield", "1994-03-17", "NN7 4QX"), PARTY)), "m3");
    learner.learnFrom(message(patient(new Demo("Dean", "Whitfield", "1994-03-17", "NN7 4QX"), PARTY)), "m4");

    assertThat(learnerCommits.commits()).as("m1, m2 (a new link), m3 (a new person, a review); not m4").isEqualTo(3);
    assertThat(index.linkedTo(List.of(CRN))).containsExactlyInAnyOrder(CRN, PNC, NOMINAL);
    assertThat(index.pendingReviews()).singleElement()
        .satisfies(review -> assertThat(review.differingField()).isEqualTo("postcode"));
  }

  @Test
  void anEndedLinkIsMadeAgainByTheNextMessageThatShowsIt() {
    learner.learnFrom(message(patient(null, NOMINAL, PNC)), "m1");
    store.endLinksOf(PNC, java.time.Instant.now(), "ended for the test");
    assertThat(index.linkedTo(List.of(PNC))).containsExactly(PNC);

    learner.learnFrom(message(patient(null, NOMINAL, PNC)), "m2");

    assertThat(index.linkedTo(List.of(PNC))).containsExactlyInAnyOrder(PNC, NOMINAL);
    assertThat(learnerCommits.commits()).isEqualTo(2);
  }

  @Test
  void linksStrongIdentifiersSeenTogetherAndFollowsLinksTransitively() {
    learner.learnFrom(message(patient(null, NOMINAL, PNC)), "m1");
    learner.learnFrom(message(patient(null, CRN, PNC)), "m2");
    learner.learnFrom(message(patient(null, NHS, CRN)), "m3");

    assertThat(index.linkedTo(List.of(NOMINAL))).containsExactlyInAnyOrder(NOMINAL, PNC, CRN, NHS);
    assertThat(index.linkedTo(List.of(NHS))).containsExactlyInAnyOrder(NOMINAL, PNC, CRN, NHS);
    assertThat(index.linksOf(CRN))
        .extracting(IdentityLink::method, IdentityLink::source)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(LinkMethod.STRONG_IDENTIFIERS, "message:m2"),
            org.assertj.core.groups.Tuple.tuple(LinkMethod.STRONG_IDENTIFIERS, "message:m3"));
  }

  @Test
  void anExactMatchBetweenRecordsWithDifferentPncIdsGoesToReviewInsteadOfMergingTwoPeople() {
    Demo same = new Demo("Dean", "Whitfield", "1994-03-17", "NN7 4QT");
    AgencyIdentifier otherPnc = new AgencyIdentifier(IdentifierSystems.PNC, "2020/0000001A");
    learner.learnFrom(message(patient(same, NOMINAL, PNC)), "m1");
    learner.learnFrom(message(patient(same, PARTY)), "m2");

    learner.learnFrom(message(patient(same, new AgencyIdentifier(NOMINAL.system(), "N0000002"), otherPnc)), "m3");

    assertThat(index.linkedTo(List.of(PARTY))).containsExactlyInAnyOrder(PARTY, PNC, NOMINAL);
    assertThat(index.linkedTo(List.of(otherPnc))).doesNotContain(PARTY, PNC);
    assertThat(index.pendingReviews()).singleElement()
        .satisfies(review -> assertThat(review.differingField()).isEqualTo("conflicting pnc-id"));
  }

  @Test
  void twoPoliceRecordsThatShareNameBirthDateAndPostcodeAreNotMergedThroughACouncilParty() {
    Demo same = new Demo("Lukasz", "Nowak", "1988-08-02", "NN7 4QT");
    AgencyIdentifier first = new AgencyIdentifier(NOMINAL.system(), "N0000011");
    AgencyIdentifier second = new AgencyIdentifier(NOMINAL.system(), "N0000012");
    learner.learnFrom(message(patient(same, first)), "m1");
    learner.learnFrom(message(patient(same, PARTY)), "m2");
    learner.learnFrom(message(patient(same, second)), "m3");

    assertThat(index.linkedTo(List.of(first))).doesNotContain(second);
    assertThat(index.pendingReviews()).extracting(IdentityReview::differingField).containsExactly("conflicting nominal");
  }

  @Test
  void coTenantsAreNotMergedThroughTheirTenancy() {
    learner.applyTenancyRoll(List.of(tenant("T104233", "Whitfield", "Dean", "NN7 4QT"),
        tenant("T104233", "Whitfield", "Kerry", "NN7 4QT", "1996-11-30")), "roll.csv", true);
    AgencyIdentifier kerry = new AgencyIdentifier(NOMINAL.system(), "N0000021");
    learner.learnFrom(message(patient(new Demo("Dean", "Whitfield", "1994-03-17", "NN7 4QT"), NOMINAL, PNC)), "m1");
    learner.learnFrom(message(patient(new Demo("Kerry", "Whitfield", "1996-11-30", "NN7 4QT"), kerry)), "m2");

    assertThat(index.linkedTo(List.of(NOMINAL))).contains(TENANCY, PNC).doesNotContain(kerry);
    assertThat(index.linkedTo(List.of(kerry))).contains(TENANCY).doesNotContain(NOMINAL, PNC);
  }

  @Test
  void aTenancyLinksTheSameTenantAcrossAgencies() {
    learner.applyTenancyRoll(List.of(tenant("T104233", "Whitfield", "Dean", "NN7 4QT")), "roll.csv", true);
    learner.learnFrom(message(patient(new Demo("Dean", "Whitfield", "1994-03-17", "NN7 4QT"), NOMINAL, PNC)), "m1");
    learner.learnFrom(message(patient(new Demo("Dean", "Whitfield", "1994-03-17", "NN7 4QT"), PARTY)), "m2");

    assertThat(index.linkedTo(List.of(PARTY))).contains(TENANCY, NOMINAL, PNC);
  }

  @Test
  void aLocalIdentifierAloneLinksNothing() {
    learner.learnFrom(message(patient(null, NOMINAL, PARTY)), "m1");

    assertThat(index.linkedTo(List.of(NOMINAL))).containsExactly(NOMINAL);
  }

  @Test
  void linksATenantOnExactNormalisedNameDobAndPostcodeWhateverTheSpellingOfSpacesAndAccents() {
    learner.learnFrom(message(patient(new Demo("Dean  Zoë", "WHITFIELD", "1994-03-17", "nn74qt"), PNC)), "m1");
    learner.applyTenancyRoll(List.of(tenant("T104233", "Whitfield", "dean zoe", "NN7 4QT")), "TENANCY_ROLL_20261103.csv", true);

    assertThat(index.linkedTo(List.of(PNC))).containsExactlyInAnyOrder(PNC, TENANCY);
    assertThat(index.linksOf(TENANCY).get(0).method()).isEqualTo(LinkMethod.NAME_DOB_POSTCODE);
    assertThat(index.linksOf(TENANCY).get(0).source()).isEqualTo("tenancy-roll:TENANCY_ROLL_20261103.csv");
  }

  @Test
  void aTenancyMissingFromTodaysRollEndsItsLinks() {
    learner.applyTenancyRoll(List.of(tenant("T104233", "Whitfield", "Dean", "NN7 4QT")), "day1.csv", true);
    learner.learnFrom(message(patient(new Demo("Dean", "Whitfield", "1994-03-17", "NN7 4QT"), PNC)), "m1");
    assertThat(index.linkedTo(List.of(PNC))).contains(TENANCY);

    learner.applyTenancyRoll(List.of(tenant("T999999", "Other", "Person", "NN1 1AA")), "day2.csv", true);

    assertThat(index.linkedTo(List.of(PNC))).containsExactly(PNC);
    assertThat(index.linksOf(TENANCY).get(0).endedReason()).contains("day2.csv");
  }

  @Test
  void aRollWithRefusedRowsEndsNoTenancyForARefusedRowMayBeTheMissingOne() {
    learner.applyTenancyRoll(List.of(tenant("T104233", "Whitfield", "Dean", "NN7 4QT")), "day1.csv", true);
    learner.learnFrom(message(patient(new Demo("Dean", "Whitfield", "1994-03-17", "NN7 4QT"), PNC)), "m1");

    learner.applyTenancyRoll(List.of(tenant("T999999", "Other", "Person", "NN1 1AA")), "day2.csv", false);

    assertThat(index.linkedTo(List.of(PNC))).contains(TENANCY);
  }

  @Test
  void aNearMatchGoesToReviewAndIsLinkedOnlyWhenConfirmed() {
    learner.applyTenancyRoll(List.of(tenant("T104233", "Whitfield", "Dean", "NN7 4QT")), "day1.csv", true);
    learner.learnFrom(message(patient(new Demo("Dean", "Whitfield", "1994-03-17", "NN7 4QX"), PNC)), "m1");

    assertThat(index.linkedTo(List.of(PNC))).containsExactly(PNC);
    IdentityReview review = index.pendingReviews().get(0);
    assertThat(review.differingField()).isEqualTo("postcode");

    IdentityReview confirmed = index.confirm(review.id(), "dsm (northshire-data-sharing-manager)");

    assertThat(confirmed.status()).isEqualTo(IdentityIndex.CONFIRMED);
    assertThat(index.linkedTo(List.of(PNC))).containsExactlyInAnyOrder(PNC, TENANCY);
    assertThat(index.linksOf(PNC).get(0).confirmedBy()).isEqualTo("dsm (northshire-data-sharing-manager)");
    assertThat(index.pendingReviews()).isEmpty();
    assertThatThrownBy(() -> index.reject(review.id(), "someone")).isInstanceOf(GatewayException.class);
  }

  @Test
  void aRejectedNearMatchIsNotLinkedNorQueuedAgain() {
    learner.applyTenancyRoll(List.of(tenant("T104233", "Whitfield", "Dean", "NN7 4QT")), "day1.csv", true);
    learner.learnFrom(message(patient(new Demo("Dean", "Whitfield", "1995-03-17", "NN7 4QT"), PNC)), "m1");
    index.reject(index.pendingReviews().get(0).id(), "dsm");

    learner.learnFrom(message(patient(new Demo("Dean", "Whitfield", "1995-03-17", "NN7 4QT"), PNC)), "m2");

    assertThat(index.pendingReviews()).isEmpty();
    assertThat(index.linkedTo(List.of(PNC))).containsExactly(PNC);
  }

  @Test
  void twoFieldsOffIsNoMatchAtAll() {
    learner.applyTenancyRoll(List.of(tenant("T104233", "Whitfield", "Dean", "NN7 4QT")), "day1.csv", true);
    learner.learnFrom(message(patient(new Demo("Dan", "Whitfield", "1995-03-17", "NN7 4QT"), PNC)), "m1");

    assertThat(index.pendingReviews()).isEmpty();
    assertThat(index.linkedTo(Set.of(PNC))).containsExactly(PNC);
  }

  record Demo(String given, String family, String dob, String postcode) {}

  private static TenancyRollEntry tenant(String ref, String surname, String forename, String postcode) {
    return tenant(ref, surname, forename, postcode, "1994-03-17");
  }

  private static TenancyRollEntry tenant(String ref, String surname, String forename, String postcode, String dob) {
    return new TenancyRollEntry(ref, null, "12 Larch Close", null, "Northshire", postcode, surname,
        forename, LocalDate.parse(dob), LocalDate.parse("2020-01-01"));
  }

  private static Patient patient(Demo demo, AgencyIdentifier... ids) {
    Patient patient = new Patient();
    for (AgencyIdentifier id : ids) {
      patient.addIdentifier().setSystem(id.system()).setValue(id.value());
    }
    if (demo != null) {
      patient.addName().setFamily(demo.family()).addGiven(demo.given());
      patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(demo.dob()));
      patient.addAddress().setPostalCode(demo.postcode());
    }
    return patient;
  }

  private static Bundle message(Patient... patients) {
    Bundle bundle = new Bundle();
    for (Patient patient : patients) {
      bundle.addEntry().setResource(patient);
    }
    return bundle;
  }
}
