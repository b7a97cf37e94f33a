package org.caseway.gateway.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks on their own threads, released at the same instant (a {@link CyclicBarrier}), to make
 * them collide; waits for all and rethrows the first failure.
 */
public final class Together {

  private Together() {}

  public static void run(Runnable... tasks) {
    ExecutorService threads = Executors.newFixedThreadPool(tasks.length);
    CyclicBarrier start = new CyclicBarrier(tasks.length);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Runnable task : tasks) {
        running.add(threads.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          task.run();
          return null;
        }));
      }
      for (Future<?> each : running) {
        each.get(60, TimeUnit.SECONDS);
      }
    } catch (ExecutionException failed) {
      throw new AssertionError("a task run together with others failed: " + failed.getCause(), failed.getCause());
    } catch (Exception interrupted) {
      throw new AssertionError(interrupted);
    } finally {
      threads.shutdownNow();
    }
  }
}
