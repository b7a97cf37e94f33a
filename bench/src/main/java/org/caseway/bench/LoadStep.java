package org.caseway.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.caseway.northshire.simulators.DropFolders;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One step of the load: {@code rate} incidents a second for {@code duration}, open loop (sent on
 * schedule whatever the gateway's answers; a send that would exceed {@value #MAX_IN_FLIGHT}
 * requests in flight is skipped and counted, which marks the step saturated), a share of them as
 * police exports in the drop folder (one file a second), the rest to {@code $process-message}. Then
 * waits, up to {@code drainLimit}, for every delivery of the step's messages, and reads the record
 * of deliveries for end-to-end latency.
 */
final class LoadStep {

  static final int MAX_IN_FLIGHT = 256;
  /** Deliveries each incident should make: council, housing, probation. */
  static final int RECIPIENTS = 3;

  private final LoadGateway gateway;
  private final LoadMessages messages;
  private final HttpClient http;
  private final AtomicLong seq;
  private final AtomicInteger exports;

  LoadStep(LoadGateway gateway, LoadMessages messages, AtomicLong seq, AtomicInteger exports) {
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

  Map<String, Object> run(int rate, Duration duration, double fileShare, Duration drainLimit)
      throws InterruptedException {
    String token = gateway.policeToken();
    URI endpoint = gateway.base().resolve("/fhir/$process-message");
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    Map<String, Long> fileSentAt = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<long[]> answered = new ConcurrentLinkedQueue<>(); // {latency ns, done at ms}
    AtomicInteger inFlight = new AtomicInteger();
    AtomicLong ok = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long skipped = 0;
    int httpRate = (int) Math.round(rate * (1 - fileShare));
    int perFile = (int) Math.round(rate * fileShare);
    JdbcClient jdbc = gateway.jdbc();
    double cpuBefore = ProcessStats.cpuSeconds();
    long deliveredBefore = count(jdbc, "SELECT COUNT(*) FROM delivery WHERE state = 'DELIVERED'");
    Sampler sampler = Sampler.start();

    long startMs = System.currentTimeMillis();
    long start = System.nanoTime();
    long total = httpRate * duration.toSeconds();
    long intervalNs = httpRate == 0 ? Long.MAX_VALUE : 1_000_000_000L / httpRate;
    int nextFileSecond = 0;
    for (long i = 0; i < total || nextFileSecond < duration.toSeconds(); ) {
      long now = System.nanoTime();
      if (perFile > 0 && nextFileSecond < duration.toSeconds() && now - start >= nextFileSecond * 1_000_000_000L) {
        dropExport(perFile, fileSentAt);
        nextFileSecond++;
        continue;
      }
      if (i >= total) {
        LockSupport.parkNanos(start + nextFileSecond * 1_000_000_000L - now);
        continue;
      }
      long due = start + i * intervalNs;
      if (now < due) {
        LockSupport.parkNanos(Math.min(due - now, 1_000_000L));
        continue;
      }
      i++;
      if (inFlight.get() >= MAX_IN_FLIGHT) {
        skipped++;
        continue;
      }
      LoadMessages.Message message = messages.message(seq.getAndIncrement());
      inFlight.incrementAndGet();
      sentAt.put(message.id(), System.currentTimeMillis());
      long sent = System.nanoTime();
      http.sendAsync(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
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
          });
    }
    long endMs = startMs + duration.toMillis();
    long waitUntil = System.nanoTime() + 60_000_000_000L;
    while (inFlight.get() > 0 && System.nanoTime() < waitUntil) {
      Thread.sleep(50);
    }
    double sendSeconds = (System.nanoTime() - start) / 1e9;
    long deliveredAtEnd = count(jdbc, "SELECT COUNT(*) FROM delivery WHERE state = 'DELIVERED'");
    double cpuAfterSend = ProcessStats.cpuSeconds();
    double wallSend = sendSeconds;

    Set<String> ours = new HashSet<>(sentAt.keySet());
    ours.addAll(fileSentAt.keySet());
    long drainStart = System.nanoTime();
    boolean drained = drain(jdbc, startMs, ours.size(), drainLimit);
    double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
    Sampler.Figures memory = sampler.stop();

    // What the database says: when each message was accepted, when each delivery was made.
    Map<String, Long> acceptedAt = new LinkedHashMap<>();
    jdbc.sql("SELECT message_id, accepted_at FROM accepted_message WHERE accepted_at >= ?")
        .param(Timestamp.from(Instant.ofEpochMilli(startMs - 1000)))
        .query((rs, n) -> acceptedAt.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant().toEpochMilli()))
        .list();
    List<long[]> deliveries = new ArrayList<>(); // {delivered at ms, sent at ms, via file 0/1}
    long[] dead = {0};
    jdbc.sql("SELECT message_id, state, updated_at FROM delivery WHERE created_at >= ?")
        .param(Timestamp.from(Instant.ofEpochMilli(startMs - 1000)))
        .query((rs, n) -> {
          String id = rs.getString(1);
          String state = rs.getString(2);
          if ("DEAD".equals(state)) {
            dead[0]++;
          }
          Long http = sentAt.get(id);
          Long file = fileSentAt.get(id);
          if ("DELIVERED".equals(state) && (http != null || file != null)) {
            deliveries.add(new long[] {rs.getObject(3, OffsetDateTime.class).toInstant().toEpochMilli(),
                http != null ? http : file, http != null ? 0 : 1});
          }
          return null;
        })
        .list();

    long acceptedInWindow = answered.stream().filter(a -> a[1] <= endMs).count()
        + fileSentAt.keySet().stream().filter(id -> acceptedAt.getOrDefault(id, Long.MAX_VALUE) <= endMs).count();
    long fileAccepted = fileSentAt.keySet().stream().filter(acceptedAt::containsKey).count();
    double seconds = duration.toMillis() / 1000.0;
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("offeredPerSecond", httpRate + perFile);
    step.put("seconds", seconds);
    step.put("sentHttp", sentAt.size());
    step.put("sentFile", fileSentAt.size());
    step.put("acceptedHttp", ok.get());
    step.put("acceptedFile", fileAccepted);
    step.put("refusedHttp", refused.get());
    step.put("failedHttp", failed.get());
    step.put("skippedByGenerator", skipped);
    step.put("acceptedPerSecond", acceptedInWindow / seconds);
    step.put("deliveriesPerSecondInWindow", (deliveredAtEnd - deliveredBefore) / wallSend);
    step.put("deliveriesOfStep", deliveries.size());
    step.put("deliveriesPerSecondSustained", deliveries.size() / (wallSend + drainSeconds));
    step.put("deadLetters", dead[0]);
    step.put("drained", drained);
    step.put("drainSeconds", drainSeconds);
    long[] acceptNs = answered.stream().mapToLong(a -> a[0]).sorted().toArray();
    step.put("acceptMsP50", percentile(acceptNs, 50) / 1e6);
    step.put("acceptMsP95", percentile(acceptNs, 95) / 1e6);
    step.put("acceptMsP99", percentile(acceptNs, 99) / 1e6);
    step.put("acceptMsMax", acceptNs.length == 0 ? Double.NaN : acceptNs[acceptNs.length - 1] / 1e6);
    long[] fileAccept = fileSentAt.entrySet().stream().filter(e -> acceptedAt.containsKey(e.getKey()))
        .mapToLong(e -> acceptedAt.get(e.getKey()) - e.getValue()).sorted().toArray();
    step.put("fileAcceptMsP50", percentile(fileAccept, 50));
    step.put("fileAcceptMsP99", percentile(fileAccept, 99));
    long[] e2e = deliveries.stream().filter(d -> d[2] == 0).mapToLong(d -> d[0] - d[1]).sorted().toArray();
    step.put("endToEndMsP50", percentile(e2e, 50));
    step.put("endToEndMsP95", percentile(e2e, 95));
    step.put("endToEndMsP99", percentile(e2e, 99));
    long[] fileE2e = deliveries.stream().filter(d -> d[2] == 1).mapToLong(d -> d[0] - d[1]).sorted().toArray();
    step.put("fileEndToEndMsP50", percentile(fileE2e, 50));
    step.put("fileEndToEndMsP99", percentile(fileE2e, 99));
    step.put("cpuPercentOfMachine", 100 * (cpuAfterSend - cpuBefore) / wallSend
        / Runtime.getRuntime().availableProcessors());
    step.put("heapPeakMb", memory.heapPeakMb());
    step.put("heapLiveMbAfterGc", ProcessStats.liveHeapMb());
    step.put("heapCommittedMb", ProcessStats.heapCommittedMb());
    step.put("rssMb", memory.rssPeakMb());
    step.put("loadAverage", ProcessStats.loadAverage());
    String saturated = saturation(httpRate + perFile, acceptedInWindow / seconds, skipped, refused.get() + failed.get(),
        sentAt.size(), drained, percentile(acceptNs, 99) / 1e6);
    step.put("saturated", saturated);
    return step;
  }

  private void dropExport(int incidents, Map<String, Long> fileSentAt) {
    long first = seq.getAndAdd(incidents);
    LoadMessages.Export export = messages.export(exports.getAndIncrement(), first, incidents);
    long now = System.currentTimeMillis();
    DropFolders.drop(gateway.policeDrop(), export.fileName(), export.content());
    export.messageIds().forEach(id -> fileSentAt.put(id, now));
  }

  /** Until every message of the step has its deliveries and none is pending, or the limit. */
  private static boolean drain(JdbcClient jdbc, long startMs, int messages, Duration limit) throws InterruptedException {
    long until = System.nanoTime() + limit.toNanos();
    Timestamp since = Timestamp.from(Instant.ofEpochMilli(startMs - 1000));
    while (System.nanoTime() < until) {
      long withDeliveries = jdbc.sql("SELECT COUNT(DISTINCT message_id) FROM delivery WHERE created_at >= ?")
          .param(since).query(Long.class).single();
      long pending = count(jdbc, "SELECT COUNT(*) FROM delivery WHERE state = 'PENDING'");
      if (withDeliveries >= messages && pending == 0) {
        return true;
      }
      Thread.sleep(250);
    }
    return false;
  }

  /** Why the step counts as saturated, or null if it kept up. */
  private static String saturation(int offered, double accepted, long skipped, long errors, long sent,
      boolean drained, double p99Ms) {
    List<String> why = new ArrayList<>();
    if (accepted < 0.9 * offered) {
      why.add(String.format("accepted %.0f/s of %d/s offered", accepted, offered));
    }
    if (skipped > 0) {
      why.add(skipped + " sends skipped (" + MAX_IN_FLIGHT + " in flight)");
    }
    if (errors > 0.01 * Math.max(1, sent)) {
      why.add(errors + " refused or failed");
    }
    if (!drained) {
      why.add("deliveries not drained");
    }
    if (p99Ms > 5_000) {
      why.add(String.format("p99 accept %.0f ms", p99Ms));
    }
    return why.isEmpty() ? null : String.join("; ", why);
  }

  private static long count(JdbcClient jdbc, String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  static double percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** Samples heap and RSS every 250 ms while a step runs. */
  static final class Sampler {
    record Figures(double heapPeakMb, double rssPeakMb) {}

    private final Thread thread;
    private volatile boolean running = true;
    private volatile double heapPeak;
    private volatile double rssPeak;

    private Sampler() {
      thread = new Thread(this::sample, "load-sampler");
      thread.setDaemon(true);
    }

    static Sampler start() {
      Sampler sampler = new Sampler();
      sampler.thread.start();
      return sampler;
    }

    private void sample() {
      while (running) {
        heapPeak = Math.max(heapPeak, ProcessStats.heapUsedMb());
        rssPeak = Math.max(rssPeak, ProcessStats.rssMb());
        LockSupport.parkNanos(250_000_000L);
      }
    }

    Figures stop() throws InterruptedException {
      running = false;
      thread.join(2000);
      return new Figures(heapPeak, rssPeak);
    }
  }
}
