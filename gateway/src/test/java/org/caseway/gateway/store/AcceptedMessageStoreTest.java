package org.caseway.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The store against the real migrations on H2 in PostgreSQL mode, as the embedded default runs. */
class AcceptedMessageStoreTest {

  private AcceptedMessageStore store;

  @BeforeEach
  void migrateAFreshDatabase() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(
        "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).load().migrate();
    store = new AcceptedMessageStore(JdbcClient.create(dataSource));
  }

  @Test
  void findsWhatItRecordedWithItsJournalPosition() {
    AcceptedMessage message = message("msg-1");
    store.insert(message);
    store.recordJournalPosition("msg-1", 3, 42L);

    assertThat(store.find("msg-1"))
        .contains(
            new AcceptedMessage(
                "msg-1",
                "northshire-mh-trust",
                "risk-flag-raised",
                "https://fhir.nhs.uk/Id/nhs-number|9434765919",
                message.acceptedAt(),
                3,
                42L));
  }

  @Test
  void findsNothingForAnUnknownId() {
    assertThat(store.find("never-sent")).isEmpty();
  }

  @Test
  void refusesASecondRowForOneMessageId() {
    store.insert(message("msg-1"));

    assertThatThrownBy(() -> store.insert(message("msg-1")))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void refusesToPositionAMessageItNeverRecorded() {
    assertThatThrownBy(() -> store.recordJournalPosition("never-sent", 0, 0L))
        .isInstanceOf(IllegalStateException.class);
  }

  private static AcceptedMessage message(String id) {
    return new AcceptedMessage(
        id,
        "northshire-mh-trust",
        "risk-flag-raised",
        "https://fhir.nhs.uk/Id/nhs-number|9434765919",
        Instant.now().truncatedTo(ChronoUnit.MILLIS),
        null,
        null);
  }
}
