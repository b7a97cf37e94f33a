package org.caseway.gateway.channels;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.caseway.adapters.feed.FeedTurns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drop-folder files claimed in the database ({@code file_claim}, V14): the read lock of every
 * gateway instance on a shared folder, so that no two take one file at once. {@link #add} claims
 * (or takes over a claim older than {@code lease}, whose instance died); {@link #remove} lets go.
 * While an instance lives it renews its claims ({@link #renew}, every third of the lease once
 * {@link #keepRenewing} is called), so a file that takes longer than the lease to take in is not
 * taken over by another instance halfway; only a dead instance's claims run out. Thread-safe;
 * each call is one or two statements.
 *
 * <p>A change feed's turn to be polled is claimed the same way, under {@code feed-turn:} and the
 * channel's id ({@link #mayPoll}): held, and renewed, by the instance polling it for as long as it
 * lives, taken over by another once a dead holder's lease has run out, and let go when the
 * instance stops ({@link #close}), so that another takes it at its next poll.
 */
public class JdbcFileClaims extends ServiceSupport implements IdempotentRepository, FeedTurns, AutoCloseable {

  private static final String FEED_TURN = "feed-turn:";

  private static final Logger log = LoggerFactory.getLogger(JdbcFileClaims.class);

  private final JdbcClient jdbc;
  private final String instance;
  private final Duration lease;
  private final Clock clock;
  private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "file-claims-renewer");
    thread.setDaemon(true);
    return thread;
  });

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

  /** Renews this instance's turn to poll the feed, or takes the turn if nobody living holds it. */
  @Override
  public boolean mayPoll(String channelId) {
    String key = FEED_TURN + channelId;
    boolean held = jdbc.sql("UPDATE file_claim SET claimed_at = ? WHERE file_key = ? AND claimed_by = ?")
        .params(Timestamp.from(clock.instant()), key, instance).update() == 1;
    return held || add(key);
  }

  /** Renews every claim this instance holds: the files it is taking in now, the feeds it polls. */
  public int renew() {
    return jdbc.sql("UPDATE file_claim SET claimed_at = ? WHERE claimed_by = ?")
        .params(Timestamp.from(clock.instant()), instance).update();
  }

  /** Renews this instance's claims every third of the lease until {@link #close}. */
  public void keepRenewing() {
    long every = Math.max(1, lease.toMillis() / 3);
    renewer.scheduleWithFixedDelay(this::renewQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  private void renewQuietly() {
    try {
      renew();
    } catch (RuntimeException databaseTrouble) {
      log.warn("Could not renew this instance's file claims ({}); trying again in a third of the lease",
          databaseTrouble.getClass().getSimpleName());
    }
  }

  /** Stops renewing, and lets go of the feeds' turns: another instance takes them at its next poll. */
  @Override
  public void close() {
    renewer.shutdownNow();
    try {
      jdbc.sql("DELETE FROM file_claim WHERE claimed_by = ? AND file_key LIKE ?").params(instance, FEED_TURN + "%")
          .update();
    } catch (RuntimeException databaseGone) {
      log.warn("Could not let go of this instance's turns to poll the change feeds ({}); another instance takes"
          + " them once their lease runs out", databaseGone.getClass().getSimpleName());
    }
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
