package org.caseway.conformance.kit.engine;

import java.time.Duration;
import java.util.List;

/** Reads the messages under test from a Kafka topic. */
final class KafkaInputs {

  private KafkaInputs() {}

  static List<Input> read(Location location, Duration idle) {
    throw new IllegalArgumentException("Reading messages from Kafka (" + location + ") is not supported yet: "
        + "save them to files and give --target the folder");
  }

  /** {@code kafka://host:port/topic}. */
  record Location(String bootstrapServers, String topic) {
    static Location parse(String target) {
      String rest = target.substring("kafka://".length());
      int slash = rest.indexOf('/');
      if (slash <= 0 || slash == rest.length() - 1) {
        throw new IllegalArgumentException("A Kafka target is kafka://host:port/topic, not '" + target + "'");
      }
      return new Location(rest.substring(0, slash), rest.substring(slash + 1));
    }

    @Override
    public String toString() {
      return "kafka://" + bootstrapServers + "/" + topic;
    }
  }
}
