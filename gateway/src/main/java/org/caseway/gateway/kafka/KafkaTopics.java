package org.caseway.gateway.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the partner topics the gateway writes or reads when they are missing. */
public final class KafkaTopics {

  private KafkaTopics() {}

  /**
   * @throws IllegalStateException if Kafka does not answer within {@code timeout} or refuses
   */
  public static void ensureExist(
      KafkaBootstrap kafka, Collection<String> topics, int partitions, Duration timeout) {
    if (topics.isEmpty()) {
      return;
    }
    Map<String, Object> config = new java.util.HashMap<>(kafka.clientProperties());
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "caseway-topics-admin");
    try (Admin admin = Admin.create(config)) {
      for (String topic : topics) {
        create(admin, new NewTopic(topic, Optional.of(partitions), Optional.empty()), timeout);
      }
    }
  }

  private static void create(Admin admin, NewTopic topic, Duration timeout) {
    try {
      admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("Could not create Kafka topic " + topic.name(), e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating Kafka topic " + topic.name(), e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Kafka did not create topic " + topic.name() + " in time", e);
    }
  }
}
