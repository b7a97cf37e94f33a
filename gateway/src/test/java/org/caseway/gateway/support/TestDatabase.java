package org.caseway.gateway.support;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A private in-memory H2 database in the gateway's PostgreSQL mode, migrated with the gateway's
 * Flyway migrations: for fast tests of the stores without starting the application.
 */
public final class TestDatabase {

  private final DataSource dataSource;

  private TestDatabase(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public static TestDatabase migrated() {
    DriverManagerDataSource ds =
        new DriverManagerDataSource(
            "jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000",
            "sa",
            "");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    return new TestDatabase(ds);
  }

  public JdbcClient jdbc() {
    return JdbcClient.create(dataSource);
  }

  public TransactionTemplate transactions() {
    return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }
}
