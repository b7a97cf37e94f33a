package org.caseway.gateway.dispatch.outbox;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where one recipient's deliveries run: on the worker's own thread with one lane, on a pool of
 * {@code lanes} threads with more. Closing it stops the pool's threads once they are idle.
 */
final class DeliveryLanes implements Executor, AutoCloseable {

  private final ExecutorService pool;

  private DeliveryLanes(ExecutorService pool) {
    this.pool = pool;
  }

  /** {@code lanes} lanes to {@code recipientId}; one lane runs each delivery on the caller's thread. */
  static DeliveryLanes of(String recipientId, int lanes) {
    if (lanes <= 1) {
      return new DeliveryLanes(null);
    }
    AtomicInteger next = new AtomicInteger(1);
    ThreadFactory threads = task -> {
      Thread thread = new Thread(task, "delivery-" + recipientId + "-lane-" + next.getAndIncrement());
      thread.setDaemon(true);
      return thread;
    };
    return new DeliveryLanes(Executors.newFixedThreadPool(lanes, threads));
  }

  @Override
  public void execute(Runnable delivery) {
    if (pool == null) {
      delivery.run();
    } else {
      pool.execute(delivery);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdown();
    }
  }
}
