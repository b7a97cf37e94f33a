package org.caseway.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.caseway.northshire.simulators.DropFolders;

/**
 * The load generator: sends on schedule whatever the gateway answers (open loop), to {@code
 * $process-message} with the police's token and, once a second, as a police export dropped into
 * the drop folder. A send that would exceed {@value #MAX_IN_FLIGHT} requests in flight is skipped
 * and counted. Not thread-safe: one step at a time.
 */
final class OpenLoopSender {

  static final int MAX_IN_FLIGHT = 256;

  /**
   * What one step sent and how the gateway answered.
   *
   * @param sentAt send time (epoch ms) of each {@code $process-message} message, by message id
   * @param fileSentAt when the export holding each message was dropped (epoch ms), by message id
   * @param answered {latency ns, answered at epoch ms} of each accepted request
   */
  record Sent(long startMs, long endMs, double sendSeconds, Map<String, Long> sentAt, Map<String, Long> fileSentAt,
      ConcurrentLinkedQueue<long[]> answered, long ok, long refused, long failed, long skipped) {}

  private final LoadGateway gateway;
  private final LoadMessages messages;
  private final AtomicLong seq;
  private final AtomicInteger exports;
  private final HttpClient http;

  OpenLoopSender(LoadGateway gateway, LoadMessages messages, AtomicLong seq, AtomicInteger exports) {
    this.gateway = gateway;
    this.messages = messages;
    this.seq = seq;
    this.exports = exports;
    ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "load-http");
      t.setDaemon(true);
      return t;
    });
    this.http = HttpClient.newBuilder().executor(executor).version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** {@code httpRate} messages a second, and an export of {@code perFile} each second, for {@code duration}. */
  Sent send(int httpRate, int perFile, Duration duration) throws InterruptedException {
    String token = gateway.policeToken();
    Requests requests = new Requests(gateway.base().resolve("/fhir/$process-message"), token);
    Map<String, Long> fileSentAt = new ConcurrentHashMap<>();
    long seconds = duration.toSeconds();
    long total = httpRate * seconds;
    long intervalNs = httpRate == 0 ? Long.MAX_VALUE : 1_000_000_000L / httpRate;
    long skipped = 0;
    long startMs = System.currentTimeMillis();
    long start = System.nanoTime();
    int nextFileSecond = 0;
    for (long i = 0; i < total || nextFileSecond < seconds; ) {
      long now = System.nanoTime();
      if (perFile > 0 && nextFileSecond < seconds && now - start >= nextFileSecond * 1_000_000_000L) {
        dropExport(perFile, fileSentAt);
        nextFileSecond++;
      } else if (i >= total) {
        LockSupport.parkNanos(start + nextFileSecond * 1_000_000_000L - now);
      } else if (now < start + i * intervalNs) {
        LockSupport.parkNanos(Math.min(start + i * intervalNs - now, 1_000_000L));
      } else {
        i++;
        if (!requests.send(messages.message(seq.getAndIncrement()))) {
          skipped++;
        }
      }
    }
    requests.awaitAnswers(Duration.ofSeconds(60));
    return new Sent(startMs, startMs + duration.toMillis(), (System.nanoTime() - start) / 1e9, requests.sentAt,
        fileSentAt, requests.answered, requests.ok.get(), requests.refused.get(), requests.failed.get(), skipped);
  }

  private void dropExport(int incidents, Map<String, Long> fileSentAt) {
    long first = seq.getAndAdd(incidents);
    LoadMessages.Export export = messages.export(exports.getAndIncrement(), first, incidents);
    long now = System.currentTimeMillis();
    DropFolders.drop(gateway.policeDrop(), export.fileName(), export.content());
    export.messageIds().forEach(id -> fileSentAt.put(id, now));
  }

  /** The step's {@code $process-message} requests in flight and their answers. */
  private final class Requests {
    final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<long[]> answered = new ConcurrentLinkedQueue<>();
    final AtomicInteger inFlight = new AtomicInteger();
    private final ConcurrentLinkedQueue<CompletableFuture<?>> answers = new ConcurrentLinkedQueue<>();
    final AtomicLong ok = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    private final URI endpoint;
    private final String token;

    Requests(URI endpoint, String token) {
      this.endpoint = endpoint;
      this.token = token;
    }

    /** Sends, unless {@value #MAX_IN_FLIGHT} are in flight; false if skipped. */
    boolean send(LoadMessages.Message message) {
      if (inFlight.get() >= MAX_IN_FLIGHT) {
        return false;
      }
      inFlight.incrementAndGet();
      sentAt.put(message.id(), System.currentTimeMillis());
      long sent = System.nanoTime();
      answers.add(http.sendAsync(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
              .header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
              .POST(HttpRequest.BodyPublishers.ofString(message.json())).build(),
          HttpResponse.BodyHandlers.discarding())
          .whenComplete((response, error) -> {
            inFlight.decrementAndGet();
            if (error != null) {
              failed.incrementAndGet();
            } else if (response.statusCode() == 200) {
              ok.incrementAndGet();
              answered.add(new long[] {System.nanoTime() - sent, System.currentTimeMillis()});
            } else {
              refused.incrementAndGet();
            }
          }));
      return true;
    }

    /** Until every request sent has its answer (or failed), or the limit. */
    void awaitAnswers(Duration limit) throws InterruptedException {
      try {
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
            .get(limit.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException unanswered) {
        // counted: what has no answer by now is left in flight, a failure shows in failed
      }
    }
  }
}
