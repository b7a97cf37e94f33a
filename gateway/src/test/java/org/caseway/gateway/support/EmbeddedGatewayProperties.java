package org.caseway.gateway.support;

import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Runs a test gateway on its own data directory and free ports, so test classes never collide. */
public final class EmbeddedGatewayProperties {

  private EmbeddedGatewayProperties() {}

  /**
   * A fresh data directory under {@code target/}, so {@code mvn clean} removes it and a failed
   * run's state stays there to look at.
   */
  public static Path freshDataDir(String testName) {
    return Path.of("target", "it-data", testName + "-" + UUID.randomUUID()).toAbsolutePath();
  }

  /**
   * Embedded Kafka on free ports and the H2 file database, both under {@code dataDir}; the
   * simulated partner systems on free ports, quick (housing answers in 20 ms, at any hour), without
   * the samples.
   */
  public static void register(DynamicPropertyRegistry registry, Path dataDir) {
    int kafkaPort = FreePorts.next();
    int controllerPort = FreePorts.next();
    int council = FreePorts.next();
    int housing = FreePorts.next();
    int trust = FreePorts.next();
    registry.add("caseway.data-dir", dataDir::toString);
    registry.add("caseway.kafka.embedded.port", () -> kafkaPort);
    registry.add("caseway.kafka.embedded.controller-port", () -> controllerPort);
    registry.add("caseway.simulators.council-port", () -> council);
    registry.add("caseway.simulators.housing-port", () -> housing);
    registry.add("caseway.simulators.mh-trust-port", () -> trust);
    registry.add("caseway.simulators.housing-delay", () -> "20ms");
    // The real housing service is down from 01:00 to 02:00 UK time, and so is its simulator: a test
    // run at that hour would wait for housing's alerts in vain.
    registry.add("caseway.simulators.housing-nightly-maintenance", () -> "false");
    registry.add("caseway.simulators.seed", () -> "false");
  }
}
