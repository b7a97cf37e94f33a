package org.caseway.gateway.accept;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.caseway.gateway.support.EmbeddedGatewayProperties;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The accept path's contract against the PostgreSQL on this machine (127.0.0.1:5432, database
 * {@code test}), in a schema of its own that Flyway creates and this class drops. If PostgreSQL is
 * unreachable the context fails to start and so does this test: it never skips.
 */
class AcceptMessagePostgresIT extends AcceptPathContract {

  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String USER = "postgres";
  private static final String SCHEMA = "caseway_it_" + UUID.randomUUID().toString().replace("-", "");
  private static final Path DATA_DIR = EmbeddedGatewayProperties.freshDataDir("accept-message-postgres");

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedGatewayProperties.register(registry, DATA_DIR);
    registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + SCHEMA);
    registry.add("spring.datasource.username", () -> USER);
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.flyway.schemas", () -> SCHEMA);
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    try (Connection connection = DriverManager.getConnection(URL, USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
  }
}
