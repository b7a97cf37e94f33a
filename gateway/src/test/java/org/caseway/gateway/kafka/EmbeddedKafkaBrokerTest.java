package org.caseway.gateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

  @TempDir Path dataDir;

  @Test
  void refusesATakenPortNamingTheSettingToChange() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> EmbeddedKafkaBroker.start("localhost", port, 0, dataDir.resolve("kafka")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(String.valueOf(port))
          .hasMessageContaining("caseway.kafka.embedded.port");
    }
    assertThat(dataDir.resolve("kafka")).doesNotExist();
  }

  @Test
  void isACombinedSingleNodeWithOneReplicaAndNoAutomaticTopics() {
    Map<String, String> props =
        EmbeddedKafkaBroker.brokerProperties("localhost", 19092, 19093, Path.of("/tmp/k"));

    assertThat(props)
        .containsEntry("process.roles", "broker,controller")
        .containsEntry("controller.quorum.voters", "1@localhost:19093")
        .containsEntry("listeners", "PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093")
        .containsEntry("advertised.listeners", "PLAINTEXT://localhost:19092")
        .containsEntry("log.dirs", "/tmp/k")
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("auto.create.topics.enable", "false");
  }
}
