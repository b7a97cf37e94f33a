package org.caseway.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.caseway.gateway.identity.IdentityLinks;
import org.caseway.gateway.support.Decisions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of disclosures on the PostgreSQL of this machine, in a schema of its own: the trigger
 * refuses UPDATE and DELETE, concurrent appenders on separate connections never fork the chain, and
 * an edit made by someone who disabled the trigger is still caught by verify.
 */
class DisclosureLedgerPostgresIT {

  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String SCHEMA = "caseway_ledger_it_" + UUID.randomUUID().toString().replace("-", "");
  private static DriverManagerDataSource dataSource;
  private static JdbcClient jdbc;
  private static DisclosureLedger ledger;

  @BeforeAll
  static void migrate() {
    dataSource = new DriverManagerDataSource(URL + "?currentSchema=" + SCHEMA, "postgres", "");
    Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration").load().migrate();
    jdbc = JdbcClient.create(dataSource);
    ledger = new DisclosureLedger(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
        IdentityLinks.NONE);
  }

  @AfterAll
  static void dropSchema() {
    JdbcClient.create(new DriverManagerDataSource(URL, "postgres", ""))
        .sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
  }

  @Test
  void refusesUpdateAndDeleteAndNeverForksUnderConcurrentAppendsAndCatchesAnEditBehindTheTriggersBack()
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      done.add(pool.submit(() -> {
        for (int i = 0; i < 10; i++) {
          record(UUID.randomUUID().toString());
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(ledger.verify()).satisfies(v -> {
      assertThat(v.intact()).isTrue();
      assertThat(v.entriesChecked()).isEqualTo(80);
    });

    assertThatThrownBy(() -> jdbc.sql("UPDATE disclosure_record SET reason = 'x' WHERE seq = 2").update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("DELETE FROM disclosure_record WHERE seq = 2").update())
        .hasMessageContaining("append-only");

    jdbc.sql("ALTER TABLE disclosure_record DISABLE TRIGGER disclosure_record_append_only").update();
    jdbc.sql("UPDATE disclosure_record SET recipient_partner = 'northshire-council' WHERE seq = 7").update();

    assertThat(ledger.verify().firstBadSeq()).isEqualTo(7L);
  }

  private static void record(String messageId) {
    var decision = Decisions.discloseAndWithhold(messageId, "northshire-probation", Set.of(Decisions.CRN));
    ledger.recordOnce(messageId,
        LedgerEntries.of(decision, List.of("view-" + messageId), Instant.now().truncatedTo(ChronoUnit.MILLIS)));
  }
}
