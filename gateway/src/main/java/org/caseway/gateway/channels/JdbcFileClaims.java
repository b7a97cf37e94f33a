package org.caseway.gateway.channels;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drop-folder files claimed in the database ({@code file_claim}, V14): the read lock of every
 * gateway instance on a shared folder, so that no two take one file at once. {@link #add} claims
 * (or takes over a claim older than {@code lease}, whose instance died); {@link #remove} lets go.
 * Thread-safe; each call is one statement.
 */
public class JdbcFileClaims extends ServiceSupport implements IdempotentRepository {

  private final JdbcClient jdbc;
  private final String instance;
  private final Duration lease;
  private final Clock clock;

  public JdbcFileClaims(JdbcClient jdbc, String instance, Duration lease, Clock clock) {
    this.jdbc = jdbc;
    this.instance = instance;
    this.lease = lease;
    this.clock = clock;
  }

  @Override
  public boolean add(String file) {
    Instant now = clock.instant();
    try {
      jdbc.sql("INSERT INTO file_claim (file_key, claimed_by, claimed_at) VALUES (?, ?, ?)")
          .params(file, instance, Timestamp.from(now)).update();
      return true;
    } catch (DataIntegrityViolationException claimed) {
      return jdbc.sql("UPDATE file_claim SET claimed_by = ?, claimed_at = ? WHERE file_key = ? AND claimed_at < ?")
          .params(instance, Timestamp.from(now), file, Timestamp.from(now.minus(lease))).update() == 1;
    }
  }

  @Override
  public boolean contains(String file) {
    return jdbc.sql("SELECT COUNT(*) FROM file_claim WHERE file_key = ? AND claimed_at >= ?")
        .params(file, Timestamp.from(clock.instant().minus(lease))).query(Integer.class).single() > 0;
  }

  @Override
  public boolean remove(String file) {
    return jdbc.sql("DELETE FROM file_claim WHERE file_key = ? AND claimed_by = ?").params(file, instance).update() == 1;
  }

  @Override
  public boolean confirm(String file) {
    return true;
  }

  @Override
  public void clear() {
    jdbc.sql("DELETE FROM file_claim WHERE claimed_by = ?").param(instance).update();
  }
}
