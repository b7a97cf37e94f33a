package org.caseway.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.caseway.gateway.support.TestDatabase;
import org.caseway.gateway.support.Together;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two dispatch consumers learn from messages about the same people at the same time (an incident
 * keyed by one person naming another, and a message keyed by the other): the index ends up as if
 * they had been learnt one after the other. Many rounds, since two threads collide only sometimes.
 */
class IdentityLearnerConcurrencyTest {

  private static final int ROUNDS = 30;

  private IdentityIndex index;
  private IdentityLearner learner;
  private JdbcClient jdbc;

  @BeforeEach
  void freshDatabase() {
    TestDatabase db = TestDatabase.migrated();
    IdentityStore store = new IdentityStore(db.jdbc());
    index = new IdentityIndex(store, db.transactions(), Clock.systemUTC());
    learner = new IdentityLearner(store, db.transactions(), Clock.systemUTC());
    jdbc = db.jdbc();
  }

  @Test
  void theSameLinksLearntAtOnceFromTwoMessagesAreMadeOnceAndNeitherFails() {
    for (int i = 0; i < ROUNDS; i++) {
      AgencyIdentifier pncA = new AgencyIdentifier(IdentifierSystems.PNC, "2019/A" + i);
      AgencyIdentifier nominalA = new AgencyIdentifier("https://id.northshire.police.uk/nominal", "NA" + i);
      AgencyIdentifier pncB = new AgencyIdentifier(IdentifierSystems.PNC, "2019/B" + i);
      AgencyIdentifier crnB = new AgencyIdentifier(IdentifierSystems.CRN, "XB" + i);
      String dob = "1990-01-" + String.format("%02d", 1 + i % 28);
      Patient b = patient("Bea" + i, dob, pncB, crnB);
      Bundle incident = message(patient("Al" + i, dob, pncA, nominalA), b);
      Bundle cohort = message(patient("Bea" + i, dob, pncB, crnB));
      String round = String.valueOf(i);

      Together.run(() -> learner.learnFrom(incident, "incident-" + round),
          () -> learner.learnFrom(cohort, "cohort-" + round));

      assertThat(index.linksOf(crnB)).as("round %d", i).singleElement()
          .satisfies(link -> assertThat(List.of(link.a(), link.b())).containsExactlyInAnyOrder(pncB, crnB));
      assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_person WHERE id_system = ? AND id_value = ?")
          .params(pncB.system(), pncB.value()).query(Integer.class).single()).isEqualTo(1);
    }
  }

  @Test
  void twoRecordsOfOnePersonLearntAtOnceAreLinkedOnceNeitherMissedNorTwice() {
    for (int i = 0; i < ROUNDS; i++) {
      AgencyIdentifier party = new AgencyIdentifier("https://id.northshire.gov.uk/asb-party", "P" + i);
      AgencyIdentifier nominal = new AgencyIdentifier("https://id.northshire.police.uk/nominal", "N" + i);
      String dob = "1985-02-" + String.format("%02d", 1 + i % 28);
      Bundle fromCouncil = message(patient("Dean" + i, dob, party));
      Bundle fromPolice = message(patient("Dean" + i, dob, nominal));
      String round = String.valueOf(i);

      Together.run(() -> learner.learnFrom(fromCouncil, "council-" + round),
          () -> learner.learnFrom(fromPolice, "police-" + round));

      assertThat(index.linksOf(party)).as("round %d", i).singleElement()
          .satisfies(link -> assertThat(link.method()).isEqualTo(LinkMethod.NAME_DOB_POSTCODE));
    }
  }

  private static Patient patient(String given, String dob, AgencyIdentifier... ids) {
    Patient patient = new Patient();
    for (AgencyIdentifier id : ids) {
      patient.addIdentifier().setSystem(id.system()).setValue(id.value());
    }
    patient.addName().setFamily("Whitfield").addGiven(given);
    patient.setBirthDateElement(new DateType(dob));
    patient.addAddress().setPostalCode("NN7 4QT");
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
