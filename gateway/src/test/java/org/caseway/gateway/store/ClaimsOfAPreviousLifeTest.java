package org.caseway.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import org.caseway.gateway.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class ClaimsOfAPreviousLifeTest {

  private static final String EMBEDDED = "jdbc:h2:file:./data/db/caseway;MODE=PostgreSQL;WRITE_DELAY=0";

  private final JdbcClient jdbc = TestDatabase.migrated().jdbc();

  @Test
  void onTheEmbeddedFileDatabaseAKilledGatewaysClaimsAreReleasedAtStart() {
    claimDelivery("d-1", "pid-1@host/aaaa");
    claimFile("police/ASB_EXPORT_20261103101500.csv", "pid-1@host/aaaa");

    assertThat(new ClaimsOfAPreviousLife(jdbc, EMBEDDED).release()).isEqualTo(2);

    assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery WHERE claimed_by IS NOT NULL OR claimed_until IS NOT NULL")
        .query(Integer.class).single()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM file_claim").query(Integer.class).single()).isZero();
    assertThat(jdbc.sql("SELECT state FROM delivery WHERE delivery_id = 'd-1'").query(String.class).single())
        .as("the delivery itself is untouched, only its claim").isEqualTo("PENDING");
  }

  @Test
  void whereOtherInstancesMayBeAliveTheirClaimsStand() {
    claimDelivery("d-1", "pid-1@host-a/aaaa");
    claimFile("police/ASB_EXPORT_20261103101500.csv", "pid-1@host-a/aaaa");

    for (String shared : new String[] {"jdbc:postgresql://db:5432/caseway", "jdbc:h2:tcp://localhost/caseway",
        "jdbc:h2:file:./data/db/caseway;AUTO_SERVER=TRUE", "jdbc:h2:mem:caseway"}) {
      assertThat(new ClaimsOfAPreviousLife(jdbc, shared).release()).as(shared).isZero();
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery WHERE claimed_by IS NOT NULL").query(Integer.class).single())
        .isEqualTo(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM file_claim").query(Integer.class).single()).isEqualTo(1);
  }

  private void claimDelivery(String id, String instance) {
    Timestamp now = Timestamp.from(Instant.parse("2026-11-03T10:00:00Z"));
    jdbc.sql("INSERT INTO delivery (delivery_id, message_id, recipient_partner, subject_key, event_code, agreement_id,"
            + " agreement_version, purpose, view_json, state, attempts, next_attempt_at, created_at, updated_at,"
            + " claimed_by, claimed_until) VALUES (?, 'm-1', 'northshire-council', 'k', 'incident-reported', 'ISA-ASB',"
            + " 3, 'ASB', '{}', 'PENDING', 0, ?, ?, ?, ?, ?)")
        .params(id, now, now, now, instance, Timestamp.from(Instant.parse("2026-11-03T10:02:00Z"))).update();
  }

  private void claimFile(String file, String instance) {
    jdbc.sql("INSERT INTO file_claim (file_key, claimed_by, claimed_at) VALUES (?, ?, ?)")
        .params(file, instance, Timestamp.from(Instant.parse("2026-11-03T10:00:00Z"))).update();
  }
}
