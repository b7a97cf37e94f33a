package org.caseway.gateway.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionTimeoutException;
import org.caseway.gateway.simulators.NorthshireSimulators;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits for the Northshire partner systems to receive something; when they do not in time, fails
 * with what each has received and what the outbox still holds, so a red build says which partner
 * and why (never queued, retrying with an error, claimed) rather than only that the wait ran out.
 */
public final class PartnershipWait {

  private final NorthshireSimulators simulators;
  private final JdbcClient jdbc;
  private final Duration atMost;

  public PartnershipWait(NorthshireSimulators simulators, JdbcClient jdbc, Duration atMost) {
    this.simulators = simulators;
    this.jdbc = jdbc;
    this.atMost = atMost;
  }

  public void until(String what, Callable<Boolean> received) {
    try {
      await(what).atMost(atMost).until(received);
    } catch (ConditionTimeoutException late) {
      throw new AssertionError(late.getMessage() + "\nreceived so far: " + receivedSoFar() + "\n"
          + OutboxState.describe(jdbc) + "\n" + deliveryThreads(), late);
    }
  }

  /** Where each delivery thread is: a worker stuck in a call shows here. */
  private static String deliveryThreads() {
    StringBuilder out = new StringBuilder("delivery threads:");
    Thread.getAllStackTraces().entrySet().stream()
        .filter(t -> t.getKey().getName().startsWith("delivery-"))
        .sorted(Map.Entry.comparingByKey(Comparator.comparing(Thread::getName)))
        .forEach(t -> {
          out.append("\n  ").append(t.getKey().getName()).append(' ').append(t.getKey().getState());
          Arrays.stream(t.getValue()).limit(12).forEach(frame -> out.append("\n      at ").append(frame));
        });
    return out.toString();
  }

  private String receivedSoFar() {
    return String.format("council %d notification(s), housing %d alert(s), probation %d message(s),"
            + " police hub %d message(s), trust %d post(s)",
        simulators.council().notifications().size(), simulators.housing().alerts().size(),
        simulators.probation().outbound().received().size(), simulators.policeHub().received().size(),
        simulators.trust().posts());
  }
}
