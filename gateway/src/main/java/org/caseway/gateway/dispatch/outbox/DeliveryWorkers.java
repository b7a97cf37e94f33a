package org.caseway.gateway.dispatch.outbox;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's workers: one thread per recipient partner (and its delivery lanes), started once the
 * gateway is ready (its channel routes running), stopped with it. Thread-safe.
 */
public class DeliveryWorkers implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorkers.class);

  private final Map<String, DeliveryWorker> workers = new ConcurrentHashMap<>();
  private final Map<String, Thread> threads = new ConcurrentHashMap<>();
  private final Collection<DeliveryLanes> lanes;

  DeliveryWorkers(Map<String, DeliveryWorker> byRecipient, Collection<DeliveryLanes> lanes) {
    workers.putAll(byRecipient);
    this.lanes = List.copyOf(lanes);
  }

  public void start() {
    workers.forEach((recipient, worker) -> threads.computeIfAbsent(recipient, r -> {
      Thread thread = new Thread(worker, "delivery-" + r);
      thread.setDaemon(true);
      thread.start();
      return thread;
    }));
    log.info("Delivery workers running for {}", workers.keySet());
  }

  /** Something was enqueued for these recipients: their workers look now. */
  public void wake(Collection<String> recipients) {
    recipients.forEach(r -> {
      DeliveryWorker worker = workers.get(r);
      if (worker != null) {
        worker.wake();
      }
    });
  }

  @Override
  public void close() {
    workers.values().forEach(DeliveryWorker::stop);
    try {
      for (Thread thread : threads.values()) {
        try {
          thread.join(5_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    } finally {
      lanes.forEach(DeliveryLanes::close);
    }
  }
}
