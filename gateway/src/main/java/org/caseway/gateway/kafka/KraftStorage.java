package org.caseway.gateway.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares a KRaft log directory the way {@code kafka-storage.sh format} does, once.
 *
 * <p>A KRaft node refuses to start on an unformatted directory, and formatting again would give the
 * node a new cluster id and orphan its data; so a directory that already holds {@code
 * meta.properties} is left untouched, which is what lets the journal survive a restart.
 */
public final class KraftStorage {

  static final String META_PROPERTIES = "meta.properties";

  private static final Logger log = LoggerFactory.getLogger(KraftStorage.class);

  private KraftStorage() {}

  /**
   * Formats {@code logDir} for a combined broker+controller node with a static voter set, unless it
   * is already formatted.
   *
   * @return true if it formatted the directory, false if it found it formatted
   * @throws IllegalStateException if Kafka's formatter refuses (a foreign or damaged directory)
   */
  public static boolean formatIfNeeded(Path logDir, int nodeId, String controllerListenerName) {
    if (isFormatted(logDir)) {
      log.info("Embedded Kafka storage at {} is already formatted; keeping its data", logDir);
      return false;
    }
    createDirectories(logDir);
    String clusterId = Uuid.randomUuid().toString();
    ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(formatterOutput, true, StandardCharsets.UTF_8)) {
      new Formatter()
          .setPrintStream(out)
          .setNodeId(nodeId)
          .setClusterId(clusterId)
          .setControllerListenerName(controllerListenerName)
          .addDirectory(logDir.toString())
          .setMetadataLogDirectory(logDir.toString())
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("Could not format embedded Kafka storage at " + logDir, e);
    } finally {
      log.debug("Kafka formatter said: {}", formatterOutput.toString(StandardCharsets.UTF_8));
    }
    log.info("Formatted embedded Kafka storage at {} (cluster id {})", logDir, clusterId);
    return true;
  }

  /** Whether {@code logDir} holds the {@code meta.properties} that formatting writes. */
  public static boolean isFormatted(Path logDir) {
    return Files.isRegularFile(logDir.resolve(META_PROPERTIES));
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create " + dir, e);
    }
  }
}
