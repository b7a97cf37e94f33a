package org.caseway.gateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseway.gateway.support.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker keeps what it acknowledged across a stop and a start on the same directory. */
class EmbeddedKafkaBrokerIT {

  private static final String TOPIC = "restart-check";

  @TempDir Path dataDir;

  @Test
  void keepsAcknowledgedRecordsAcrossARestart() throws Exception {
    Path logDir = dataDir.resolve("kafka");
    try (EmbeddedKafkaBroker broker = startOn(logDir)) {
      createTopic(broker);
      produce(broker, "subject-1", "before restart");
    }

    try (EmbeddedKafkaBroker broker = startOn(logDir)) {
      produce(broker, "subject-1", "after restart");
      assertThat(readAll(broker)).containsExactly("before restart", "after restart");
    }
  }

  private static EmbeddedKafkaBroker startOn(Path logDir) {
    // Fresh ports for each start: the previous broker's sockets may linger in TIME_WAIT.
    return EmbeddedKafkaBroker.start("localhost", FreePorts.next(), FreePorts.next(), logDir);
  }

  private static void createTopic(KafkaBootstrap kafka) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
    }
  }

  private static void produce(KafkaBootstrap kafka, String key, String value) throws Exception {
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers", kafka.bootstrapServers(),
            "acks", "all",
            "key.serializer", StringSerializer.class,
            "value.serializer", StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
    }
  }

  private static List<String> readAll(KafkaBootstrap kafka) {
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers", kafka.bootstrapServers(),
            "key.deserializer", StringDeserializer.class,
            "value.deserializer", StringDeserializer.class);
    TopicPartition partition = new TopicPartition(TOPIC, 0);
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.assign(Set.of(partition));
      consumer.seekToBeginning(Set.of(partition));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                  values.add(record.value());
                }
                return values.size() >= 2;
              });
    }
    return values;
  }
}
