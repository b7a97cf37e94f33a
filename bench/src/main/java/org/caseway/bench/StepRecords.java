package org.caseway.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the gateway's database says about one step's messages: when each was accepted
 * ({@code accepted_message}) and when each of its deliveries was made (the outbox, {@code delivery}).
 *
 * @param acceptedAt epoch ms, by message id
 * @param deliveries {delivered at ms, sent at ms, 0 for {@code $process-message} or 1 for an export}
 * @param endToEndByRecipient end-to-end ms of each delivery, by recipient
 * @param deadLetters the step's deliveries that became dead letters
 */
record StepRecords(Map<String, Long> acceptedAt, List<long[]> deliveries, Map<String, List<Long>> endToEndByRecipient,
    long deadLetters) {

  static StepRecords read(JdbcClient jdbc, OpenLoopSender.Sent sent) {
    Timestamp since = since(sent.startMs());
    Map<String, Long> acceptedAt = new HashMap<>();
    jdbc.sql("SELECT message_id, accepted_at FROM accepted_message WHERE accepted_at >= ?").param(since)
        .query((rs, n) -> acceptedAt.put(rs.getString(1), epochMs(rs.getObject(2, OffsetDateTime.class))))
        .list();
    List<long[]> deliveries = new ArrayList<>();
    Map<String, List<Long>> byRecipient = new TreeMap<>();
    long[] dead = {0};
    jdbc.sql("SELECT message_id, state, updated_at, recipient_partner FROM delivery WHERE created_at >= ?")
        .param(since)
        .query((rs, n) -> {
          String id = rs.getString(1);
          Long http = sent.sentAt().get(id);
          Long file = sent.fileSentAt().get(id);
          if ("DEAD".equals(rs.getString(2))) {
            dead[0]++;
          } else if ("DELIVERED".equals(rs.getString(2)) && (http != null || file != null)) {
            long deliveredAt = epochMs(rs.getObject(3, OffsetDateTime.class));
            long sentAt = http != null ? http : file;
            deliveries.add(new long[] {deliveredAt, sentAt, http != null ? 0 : 1});
            byRecipient.computeIfAbsent(rs.getString(4), r -> new ArrayList<>()).add(deliveredAt - sentAt);
          }
          return id;
        })
        .list();
    return new StepRecords(acceptedAt, deliveries, byRecipient, dead[0]);
  }

  static long delivered(JdbcClient jdbc) {
    return jdbc.sql("SELECT COUNT(*) FROM delivery WHERE state = 'DELIVERED'").query(Long.class).single();
  }

  /** Until every message of the step has its deliveries and none is pending, or the limit. */
  static boolean drain(JdbcClient jdbc, OpenLoopSender.Sent sent, Duration limit) throws InterruptedException {
    long until = System.nanoTime() + limit.toNanos();
    int messages = sent.sentAt().size() + sent.fileSentAt().size();
    while (System.nanoTime() < until) {
      long withDeliveries = jdbc.sql("SELECT COUNT(DISTINCT message_id) FROM delivery WHERE created_at >= ?")
          .param(since(sent.startMs())).query(Long.class).single();
      long pending = jdbc.sql("SELECT COUNT(*) FROM delivery WHERE state = 'PENDING'").query(Long.class).single();
      if (withDeliveries >= messages && pending == 0) {
        return true;
      }
      Thread.sleep(250);
    }
    return false;
  }

  /** A second before the step began: the database's clock is this JVM's, to the millisecond. */
  private static Timestamp since(long startMs) {
    return Timestamp.from(Instant.ofEpochMilli(startMs - 1000));
  }

  private static long epochMs(OffsetDateTime time) {
    return time.toInstant().toEpochMilli();
  }
}
