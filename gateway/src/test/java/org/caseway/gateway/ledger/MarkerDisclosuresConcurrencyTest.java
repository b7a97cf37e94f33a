package org.caseway.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.caseway.gateway.support.TestDatabase;
import org.caseway.gateway.support.Together;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Two dispatches disclose the same marker about one person to one recipient at the same time. */
class MarkerDisclosuresConcurrencyTest {

  private static final String HOUSING = "northshire-housing";
  private static final String TENANCY = "https://id.northshire-homes.org.uk/tenancy";

  private JdbcClient jdbc;
  private TransactionTemplate transaction;
  private MarkerDisclosures markers;

  @BeforeEach
  void freshDatabase() {
    TestDatabase db = TestDatabase.migrated();
    jdbc = db.jdbc();
    transaction = db.transactions();
    markers = new MarkerDisclosures(jdbc);
  }

  @Test
  void oneOfThemIsFirstAndNeitherFails() {
    for (int i = 0; i < 30; i++) {
      String tenancy = "T" + i;
      String a = "disclosure-a-" + i;
      String b = "disclosure-b-" + i;
      Bundle first = view(a, tenancy);
      Bundle second = view(b, tenancy);

      Together.run(() -> remember(first), () -> remember(second));

      assertThat(markers.firstCarriedBy(HOUSING, TENANCY, tenancy, "RISK_TO_STAFF")).as("round %d", i)
          .hasValueSatisfying(id -> assertThat(id).isIn(a, b));
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM marker_disclosure").query(Integer.class).single()).isEqualTo(30);
  }

  /** As dispatch does: in a transaction of its own. */
  private void remember(Bundle view) {
    transaction.executeWithoutResult(status -> markers.rememberFirst(HOUSING, view, Instant.now()));
  }

  private static Bundle view(String disclosureId, String tenancy) {
    Bundle view = new Bundle();
    view.setId(disclosureId);
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(TENANCY).setValue(tenancy);
    view.addEntry().setFullUrl("urn:uuid:patient").setResource(patient);
    Flag flag = new Flag();
    flag.setSubject(new Reference("urn:uuid:patient"));
    flag.getCode().addCoding().setSystem("https://caseway.org/markers").setCode("RISK_TO_STAFF");
    view.addEntry().setFullUrl("urn:uuid:flag").setResource(flag);
    return view;
  }
}
