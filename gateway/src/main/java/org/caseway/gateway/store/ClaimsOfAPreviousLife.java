package org.caseway.gateway.store;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * At start, lets go of the claims a killed gateway left behind, where that is safe: on the
 * embedded default's H2 file database only one process at a time can have the database open (H2
 * locks the file), so every claim found at start was taken by this gateway's previous life, which
 * is gone. Without this, a gateway killed mid-file or mid-delivery waits out the leases
 * ({@code caseway.channels.file-claim-lease}, 10 minutes; {@code caseway.delivery.claim-lease}, 2
 * minutes) before it takes that file, or that person's messages to that recipient, again.
 *
 * <p>On any other database (PostgreSQL, H2 over TCP or with {@code AUTO_SERVER}) other instances
 * may be alive and holding their claims: nothing is released, and a dead instance's claims run out
 * with their leases. Thread-safe; {@link #release} is meant to run once, before the channels and
 * the delivery workers start.
 */
public final class ClaimsOfAPreviousLife {

  private static final Logger log = LoggerFactory.getLogger(ClaimsOfAPreviousLife.class);

  private final JdbcClient jdbc;
  private final String databaseUrl;

  /** @param databaseUrl the JDBC URL of the gateway's database, as its connections report it */
  public ClaimsOfAPreviousLife(JdbcClient jdbc, String databaseUrl) {
    this.jdbc = jdbc;
    this.databaseUrl = databaseUrl;
  }

  /** Whether only one process can have this database open, so that no other instance holds claims. */
  static boolean singleProcess(String url) {
    String upper = url.toUpperCase(Locale.ROOT);
    return upper.startsWith("JDBC:H2:FILE:") && !upper.contains("AUTO_SERVER=TRUE");
  }

  /** @return how many delivery and file claims were released (0 where it is not safe to) */
  public int release() {
    if (!singleProcess(databaseUrl)) {
      return 0;
    }
    int deliveries = jdbc.sql("UPDATE delivery SET claimed_by = NULL, claimed_until = NULL"
        + " WHERE claimed_by IS NOT NULL OR claimed_until IS NOT NULL").update();
    int files = jdbc.sql("DELETE FROM file_claim").update();
    if (deliveries + files > 0) {
      log.warn("Released what the previous run of this gateway held when it stopped without closing (killed?):"
          + " {} delivery claim(s), {} file claim(s); they are taken again now", deliveries, files);
    }
    return deliveries + files;
  }
}
