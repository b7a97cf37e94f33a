package org.caseway.gateway.kafka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one node), in this JVM.
 *
 * <p>For the embedded default only: one replica, no authentication, listeners on one host. {@link
 * #start} returns once the broker serves clients; {@link #close} waits until it has stopped and
 * released its log directory, so a new broker can start on the same directory afterwards.
 */
public final class EmbeddedKafkaBroker implements KafkaBootstrap, AutoCloseable {

  static final int NODE_ID = 1;
  static final String BROKER_LISTENER = "PLAINTEXT";
  static final String CONTROLLER_LISTENER = "CONTROLLER";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  private final KafkaRaftServer server;
  private final String bootstrapServers;

  private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Formats {@code logDir} if it is new, starts the broker on it and waits until it is ready.
   *
   * @throws IllegalStateException if a port is taken (checked first: Kafka itself would halt the
   *     whole JVM on that fault, without a word of which setting to change)
   */
  public static EmbeddedKafkaBroker start(String host, int port, int controllerPort, Path logDir) {
    requireFree(host, port, "caseway.kafka.embedded.port");
    requireFree(host, controllerPort, "caseway.kafka.embedded.controller-port");
    KraftStorage.formatIfNeeded(logDir, NODE_ID, CONTROLLER_LISTENER);
    KafkaConfig config = new KafkaConfig(brokerProperties(host, port, controllerPort, logDir), false);
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    // startup() returns once the broker has caught up with the controller and is unfenced.
    server.startup();
    String bootstrapServers = host + ":" + port;
    log.info("Embedded Kafka broker started at {} with data in {}", bootstrapServers, logDir);
    return new EmbeddedKafkaBroker(server, bootstrapServers);
  }

  static void requireFree(String host, int port, String setting) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw new IllegalStateException(
          "Port " + port + " on " + host + " is in use (another Kafka?); the embedded broker needs"
              + " it. Free it or set " + setting + " to another port.",
          e);
    }
  }

  static Map<String, String> brokerProperties(
      String host, int port, int controllerPort, Path logDir) {
    Map<String, String> props = new HashMap<>();
    props.put("process.roles", "broker,controller");
    props.put("node.id", String.valueOf(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
    props.put(
        "listeners",
        BROKER_LISTENER + "://" + host + ":" + port + "," + CONTROLLER_LISTENER + "://" + host + ":"
            + controllerPort);
    props.put("advertised.listeners", BROKER_LISTENER + "://" + host + ":" + port);
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    props.put("inter.broker.listener.name", BROKER_LISTENER);
    props.put(
        "listener.security.protocol.map",
        BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    props.put("log.dirs", logDir.toString());
    // One node: every internal topic has one replica, and none needs fifty partitions.
    props.put("default.replication.factor", "1");
    props.put("min.insync.replicas", "1");
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "4");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "4");
    props.put("group.initial.rebalance.delay.ms", "0");
    // Topics are created deliberately (see JournalTopic), never by a typo in a client.
    props.put("auto.create.topics.enable", "false");
    return props;
  }

  @Override
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Stops the broker and waits until it has released its ports and log directory. */
  @Override
  public void close() {
    log.info("Stopping embedded Kafka broker at {}", bootstrapServers);
    server.shutdown();
    server.awaitShutdown();
  }
}
