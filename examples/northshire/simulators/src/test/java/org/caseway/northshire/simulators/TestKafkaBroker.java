package org.caseway.northshire.simulators;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node KRaft broker in this JVM for the Kafka ITs, the minimum of the gateway's
 * EmbeddedKafkaBroker and KraftStorage: a fresh, formatted log directory each time, topics never
 * created automatically (as in the gateway's embedded default). Shared through this module's test
 * jar with the conformance kit's sender suite on Kafka.
 */
public final class TestKafkaBroker implements AutoCloseable {

  private static final int NODE_ID = 1;

  private final KafkaRaftServer server;
  private final String bootstrapServers;

  private TestKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  public static TestKafkaBroker start(Path logDir) {
    int port = freePort();
    int controllerPort = freePort();
    format(logDir);
    KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(properties(port, controllerPort, logDir), false), Time.SYSTEM);
    // Returns once the broker has caught up with the controller and is unfenced.
    server.startup();
    return new TestKafkaBroker(server, "localhost:" + port);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Creates the topics, each with {@code partitions} partitions, and waits until the broker has them. */
  public void createTopics(int partitions, String... topics) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      List<NewTopic> newTopics = Arrays.stream(topics).map(t -> new NewTopic(t, partitions, (short) 1)).toList();
      admin.createTopics(newTopics).all().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not create topics", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }

  private static void format(Path logDir) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      new Formatter()
          .setPrintStream(out)
          .setNodeId(NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setControllerListenerName("CONTROLLER")
          .addDirectory(logDir.toString())
          .setMetadataLogDirectory(logDir.toString())
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("Could not format " + logDir + ": " + output.toString(StandardCharsets.UTF_8), e);
    }
  }

  private static Map<String, String> properties(int port, int controllerPort, Path logDir) {
    Map<String, String> props = new HashMap<>();
    props.put("process.roles", "broker,controller");
    props.put("node.id", String.valueOf(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
    props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("log.dirs", logDir.toString());
    props.put("default.replication.factor", "1");
    props.put("min.insync.replicas", "1");
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("auto.create.topics.enable", "false");
    return props;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
