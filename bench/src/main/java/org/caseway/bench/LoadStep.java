package org.caseway.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One step of the load: {@code rate} incidents a second for {@code duration}, open loop ({@link
 * OpenLoopSender}), {@code fileShare} of them as police exports in the drop folder, the rest to
 * {@code $process-message}. Then waits, up to {@code drainLimit}, for every delivery of the step's
 * messages, and reads the database for acceptance times and end-to-end latency.
 */
final class LoadStep {

  private final LoadGateway gateway;
  private final OpenLoopSender sender;

  LoadStep(LoadGateway gateway, LoadMessages messages, AtomicLong seq, AtomicInteger exports) {
    this.gateway = gateway;
    this.sender = new OpenLoopSender(gateway, messages, seq, exports);
  }

  Map<String, Object> run(int rate, Duration duration, double fileShare, Duration drainLimit)
      throws InterruptedException {
    int httpRate = (int) Math.round(rate * (1 - fileShare));
    int perFile = (int) Math.round(rate * fileShare);
    JdbcClient jdbc = gateway.jdbc();
    double cpuBefore = ProcessStats.cpuSeconds();
    long deliveredBefore = StepRecords.delivered(jdbc);
    Sampler sampler = Sampler.start();

    OpenLoopSender.Sent sent = sender.send(httpRate, perFile, duration);
    long deliveredInWindow = StepRecords.delivered(jdbc) - deliveredBefore;
    double cpuPercent = 100 * (ProcessStats.cpuSeconds() - cpuBefore) / sent.sendSeconds()
        / Runtime.getRuntime().availableProcessors();
    long drainStart = System.nanoTime();
    boolean drained = StepRecords.drain(jdbc, sent, drainLimit);
    double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
    Sampler.Figures memory = sampler.stop();
    StepRecords records = StepRecords.read(jdbc, sent);

    Map<String, Object> step = new LinkedHashMap<>();
    double accepted = throughput(step, httpRate + perFile, duration, sent, records, deliveredInWindow, drainSeconds);
    step.put("drained", drained);
    step.put("drainSeconds", drainSeconds);
    latencies(step, sent, records);
    resources(step, cpuPercent, memory);
    step.put("saturated", saturation(httpRate + perFile, accepted, sent, drained, (double) step.get("acceptMsP99")));
    return step;
  }

  /** Counts and rates; returns the accepted rate. */
  private static double throughput(Map<String, Object> step, int offered, Duration duration, OpenLoopSender.Sent sent,
      StepRecords records, long deliveredInWindow, double drainSeconds) {
    long acceptedInWindow = sent.answered().stream().filter(a -> a[1] <= sent.endMs()).count()
        + sent.fileSentAt().keySet().stream()
            .filter(id -> records.acceptedAt().getOrDefault(id, Long.MAX_VALUE) <= sent.endMs()).count();
    double seconds = duration.toMillis() / 1000.0;
    step.put("offeredPerSecond", offered);
    step.put("seconds", seconds);
    step.put("sentHttp", sent.sentAt().size());
    step.put("sentFile", sent.fileSentAt().size());
    step.put("acceptedHttp", sent.ok());
    step.put("acceptedFile", sent.fileSentAt().keySet().stream().filter(records.acceptedAt()::containsKey).count());
    step.put("refusedHttp", sent.refused());
    step.put("failedHttp", sent.failed());
    step.put("skippedByGenerator", sent.skipped());
    step.put("acceptedPerSecond", acceptedInWindow / seconds);
    step.put("deliveriesPerSecondInWindow", deliveredInWindow / sent.sendSeconds());
    step.put("deliveriesOfStep", records.deliveries().size());
    step.put("deliveriesPerSecondSustained", records.deliveries().size() / (sent.sendSeconds() + drainSeconds));
    step.put("deadLetters", records.deadLetters());
    return acceptedInWindow / seconds;
  }

  private static void latencies(Map<String, Object> step, OpenLoopSender.Sent sent, StepRecords records) {
    long[] accept = sent.answered().stream().mapToLong(a -> a[0]).sorted().toArray();
    step.put("acceptMsP50", percentile(accept, 50) / 1e6);
    step.put("acceptMsP95", percentile(accept, 95) / 1e6);
    step.put("acceptMsP99", percentile(accept, 99) / 1e6);
    step.put("acceptMsMax", accept.length == 0 ? Double.NaN : accept[accept.length - 1] / 1e6);
    long[] fileAccept = sent.fileSentAt().entrySet().stream().filter(e -> records.acceptedAt().containsKey(e.getKey()))
        .mapToLong(e -> records.acceptedAt().get(e.getKey()) - e.getValue()).sorted().toArray();
    step.put("fileAcceptMsP50", percentile(fileAccept, 50));
    step.put("fileAcceptMsP99", percentile(fileAccept, 99));
    long[] e2e = endToEnd(records, 0);
    step.put("endToEndMsP50", percentile(e2e, 50));
    step.put("endToEndMsP95", percentile(e2e, 95));
    step.put("endToEndMsP99", percentile(e2e, 99));
    long[] fileE2e = endToEnd(records, 1);
    step.put("fileEndToEndMsP50", percentile(fileE2e, 50));
    step.put("fileEndToEndMsP99", percentile(fileE2e, 99));
    Map<String, Object> recipients = new LinkedHashMap<>();
    records.endToEndByRecipient().forEach((recipient, latencies) -> {
      long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      recipients.put(recipient, Map.of("deliveries", sorted.length, "endToEndMsP50", percentile(sorted, 50),
          "endToEndMsP99", percentile(sorted, 99)));
    });
    step.put("byRecipient", recipients);
  }

  private static void resources(Map<String, Object> step, double cpuPercent, Sampler.Figures memory) {
    step.put("cpuPercentOfMachine", cpuPercent);
    step.put("heapPeakMb", memory.heapPeakMb());
    step.put("heapLiveMbAfterGc", ProcessStats.liveHeapMb());
    step.put("heapCommittedMb", ProcessStats.heapCommittedMb());
    step.put("rssMb", memory.rssPeakMb());
    step.put("loadAverage", ProcessStats.loadAverage());
  }

  private static long[] endToEnd(StepRecords records, int via) {
    return records.deliveries().stream().filter(d -> d[2] == via).mapToLong(d -> d[0] - d[1]).sorted().toArray();
  }

  /** Why the step counts as saturated, or null if it kept up. */
  private static String saturation(int offered, double accepted, OpenLoopSender.Sent sent, boolean drained,
      double p99Ms) {
    List<String> why = new ArrayList<>();
    if (accepted < 0.9 * offered) {
      why.add(String.format("accepted %.0f/s of %d/s offered", accepted, offered));
    }
    if (sent.skipped() > 0) {
      why.add(sent.skipped() + " sends skipped (" + OpenLoopSender.MAX_IN_FLIGHT + " in flight)");
    }
    if (sent.refused() + sent.failed() > 0.01 * Math.max(1, sent.sentAt().size())) {
      why.add((sent.refused() + sent.failed()) + " refused or failed");
    }
    if (!drained) {
      why.add("deliveries not drained");
    }
    if (p99Ms > 5_000) {
      why.add(String.format("p99 accept %.0f ms", p99Ms));
    }
    return why.isEmpty() ? null : String.join("; ", why);
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
