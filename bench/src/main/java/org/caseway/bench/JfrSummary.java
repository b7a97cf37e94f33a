package org.caseway.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * The top frames of a flight recording's CPU samples ({@code jdk.ExecutionSample}), as {@code jfr
 * print --events jdk.ExecutionSample} would show them one by one: by self time (the top frame) and
 * inclusive (anywhere on the stack), as shares of all samples.
 *
 * <pre>java -cp bench/target/caseway-bench.jar org.caseway.bench.JfrSummary bench/target/load.jfr [TOP [FROM-INSTANT]]</pre>
 */
public final class JfrSummary {

  private JfrSummary() {}

  public static void main(String[] args) throws IOException {
    Map<String, Object> summary = summarise(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 25,
        args.length > 2 ? Instant.parse(args[2]) : Instant.EPOCH);
    summary.forEach((k, v) -> {
      System.out.println(k + ":");
      if (v instanceof Map<?, ?> m) {
        m.forEach((frame, share) -> System.out.printf("  %6.1f%%  %s%n", (Double) share, frame));
      } else {
        System.out.println("  " + v);
      }
    });
  }

  /**
   * @param from only samples from this instant on (e.g. when the load steps began, leaving out the
   *     gateway's start and the raw parse+encode yardstick)
   */
  static Map<String, Object> summarise(Path recording, int top, Instant from) throws IOException {
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    Map<String, Integer> packages = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
          || event.getStartTime().isBefore(from)) {
        continue;
      }
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      samples++;
      self.merge(name(frames.get(0)), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      Set<String> seenArea = new HashSet<>();
      for (RecordedFrame frame : frames) {
        String name = name(frame);
        if (seen.add(name)) {
          inclusive.merge(name, 1, Integer::sum);
        }
        String area = area(frame);
        if (area != null && seenArea.add(area)) {
          packages.merge(area, 1, Integer::sum);
        }
      }
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("from", from.toString());
    summary.put("samples", samples);
    summary.put("selfTop", shares(self, samples, top));
    summary.put("inclusiveTop", shares(inclusive, samples, top * 2));
    summary.put("inclusiveByArea", shares(packages, samples, 30));
    return summary;
  }

  /** A coarse area of the code for a frame: Caseway's modules, HAPI's validator, Kafka, H2 ... */
  private static String area(RecordedFrame frame) {
    String type = frame.getMethod().getType().getName();
    String[][] areas = {
        {"org.hl7.fhir.validation", "HAPI/core instance validator"},
        {"org.hl7.fhir.r5", "HAPI core R5 model (validator)"},
        {"ca.uhn.fhir.parser", "HAPI parser"},
        {"org.caseway.conformance.validation", "Caseway validation"},
        {"org.caseway.gateway.policy", "Caseway policy"},
        {"org.caseway.gateway.accept", "Caseway accept"},
        {"org.caseway.gateway.dispatch", "Caseway dispatch"},
        {"org.caseway.gateway.ledger", "Caseway ledger"},
        {"org.caseway.gateway.identity", "Caseway identity"},
        {"org.caseway.mappings", "Caseway mappings"},
        {"org.apache.kafka", "Kafka"},
        {"kafka.", "Kafka"},
        {"org.h2", "H2"},
        {"org.postgresql", "PostgreSQL driver"},
        {"org.apache.camel", "Camel"},
        {"org.apache.catalina", "Tomcat"},
        {"org.apache.coyote", "Tomcat"},
        {"org.springframework.security", "Spring Security"},
        {"com.nimbusds", "JWT (Nimbus)"},
        {"com.github.tomakehurst", "WireMock (simulators)"},
        {"org.eclipse.jetty", "Jetty (simulators)"},
        {"org.caseway.northshire.simulators", "simulators"},
        {"org.caseway.bench", "load generator"},
        {"java.util.regex", "java.util.regex"},
    };
    for (String[] a : areas) {
      if (type.startsWith(a[0])) {
        return a[1];
      }
    }
    return null;
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static Map<String, Double> shares(Map<String, Integer> counts, int samples, int top) {
    Map<String, Double> shares = new LinkedHashMap<>();
    counts.entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue(), a.getValue())).limit(top)
        .forEach(e -> shares.put(e.getKey(), 100.0 * e.getValue() / Math.max(1, samples)));
    return shares;
  }
}
