package org.caseway.gateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KraftStorageTest {

  @TempDir Path dataDir;

  @Test
  void formatsANewDirectoryForTheGivenNode() throws IOException {
    Path logDir = dataDir.resolve("kafka");

    boolean formatted = KraftStorage.formatIfNeeded(logDir, 1, "CONTROLLER");

    assertThat(formatted).isTrue();
    Properties meta = metaProperties(logDir);
    assertThat(meta.getProperty("node.id")).isEqualTo("1");
    assertThat(meta.getProperty("cluster.id")).isNotBlank();
    assertThat(logDir.resolve("bootstrap.checkpoint")).isRegularFile();
  }

  @Test
  void leavesAFormattedDirectoryAndItsClusterIdAlone() throws IOException {
    Path logDir = dataDir.resolve("kafka");
    KraftStorage.formatIfNeeded(logDir, 1, "CONTROLLER");
    String clusterId = metaProperties(logDir).getProperty("cluster.id");
    Path keptData = Files.writeString(logDir.resolve("kept.txt"), "a journal segment, say");

    boolean formatted = KraftStorage.formatIfNeeded(logDir, 1, "CONTROLLER");

    assertThat(formatted).isFalse();
    assertThat(metaProperties(logDir).getProperty("cluster.id")).isEqualTo(clusterId);
    assertThat(keptData).hasContent("a journal segment, say");
  }

  @Test
  void refusesADirectoryItCannotCreate() throws IOException {
    Path aFile = Files.writeString(dataDir.resolve("not-a-directory"), "");

    assertThatThrownBy(() -> KraftStorage.formatIfNeeded(aFile.resolve("kafka"), 1, "CONTROLLER"))
        .isInstanceOf(RuntimeException.class)
        .hasMessageContaining("not-a-directory");
  }

  private static Properties metaProperties(Path logDir) throws IOException {
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(logDir.resolve(KraftStorage.META_PROPERTIES))) {
      props.load(in);
    }
    return props;
  }
}
