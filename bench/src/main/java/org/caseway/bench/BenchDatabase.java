package org.caseway.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.caseway.gateway.identity.IdentityConfiguration;
import org.caseway.gateway.identity.IdentityIndex;
import org.caseway.gateway.identity.IdentityLearner;
import org.caseway.gateway.ledger.DisclosureLedger;
import org.caseway.gateway.ledger.LedgerConfiguration;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The gateway's database for the identity and ledger benchmarks, wired by the gateway's own
 * configuration classes (identity index, record of disclosures) on a Hikari pool as Boot gives it.
 *
 * <p>{@value #PROPERTY}{@code =h2} (default): the embedded default's H2 file database, in PostgreSQL
 * mode, under {@code bench/target/bench-db/}. {@code =postgres}: the PostgreSQL server on
 * {@code 127.0.0.1:5432} (database {@code test}, user {@code postgres}, trust authentication), in a
 * schema of its own that {@link #close} drops.
 */
final class BenchDatabase implements AutoCloseable {

  static final String PROPERTY = "caseway.bench.database";
  static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

  private final String kind;
  private final String schema;
  private final HikariDataSource dataSource;
  private final AnnotationConfigApplicationContext context;

  private BenchDatabase(String kind, String schema, HikariDataSource dataSource) {
    this.kind = kind;
    this.schema = schema;
    this.dataSource = dataSource;
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
        .schemas(schema == null ? new String[0] : new String[] {schema}).load().migrate();
    context = new AnnotationConfigApplicationContext();
    context.registerBean(DataSource.class, () -> dataSource);
    context.registerBean(JdbcClient.class, () -> JdbcClient.create(dataSource));
    context.registerBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(dataSource));
    context.registerBean(Clock.class, Clock::systemUTC);
    context.register(IdentityConfiguration.class, LedgerConfiguration.class);
    context.refresh();
  }

  /** The database {@value #PROPERTY} names, migrated and empty. */
  static BenchDatabase open() {
    String kind = System.getProperty(PROPERTY, "h2");
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(10);
    switch (kind) {
      case "h2" -> {
        Path file = Path.of("bench", "target", "bench-db", UUID.randomUUID().toString(), "caseway").toAbsolutePath();
        // The gateway's own URL (application.yaml), on a fresh file.
        config.setJdbcUrl("jdbc:h2:file:" + file
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=20000");
        config.setUsername("sa");
        config.setPassword("");
        return new BenchDatabase(kind, null, new HikariDataSource(config));
      }
      case "postgres" -> {
        String schema = "caseway_bench_" + UUID.randomUUID().toString().replace("-", "");
        config.setJdbcUrl(POSTGRES_URL + "?currentSchema=" + schema);
        config.setUsername("postgres");
        config.setPassword("");
        return new BenchDatabase(kind, schema, new HikariDataSource(config));
      }
      default -> throw new IllegalArgumentException(PROPERTY + " is h2 or postgres, not " + kind);
    }
  }

  String kind() {
    return kind;
  }

  IdentityIndex identityIndex() {
    return context.getBean(IdentityIndex.class);
  }

  IdentityLearner identityLearner() {
    return context.getBean(IdentityLearner.class);
  }

  DisclosureLedger ledger() {
    return context.getBean(DisclosureLedger.class);
  }

  JdbcClient jdbc() {
    return context.getBean(JdbcClient.class);
  }

  @Override
  public void close() {
    context.close();
    dataSource.close();
    if (schema != null) {
      JdbcClient.create(new DriverManagerDataSource(POSTGRES_URL, "postgres", ""))
          .sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
    }
  }
}
