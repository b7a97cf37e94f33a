package org.caseway.gateway.journal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.caseway.gateway.kafka.KafkaBootstrap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes sure the journal topic exists before anything writes to it. */
public final class JournalTopic {

  private static final Logger log = LoggerFactory.getLogger(JournalTopic.class);

  private static final long DESCRIBE_RETRY_MS = 100;

  private JournalTopic() {}

  /**
   * Creates the journal topic if it is missing and reports its partition count.
   *
   * @throws IllegalStateException if Kafka does not answer within the send timeout, or refuses
   */
  public static void ensureExists(KafkaBootstrap kafka, JournalProperties journal) {
    Map<String, Object> config = new java.util.HashMap<>(kafka.clientProperties());
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "caseway-journal-admin");
    long timeoutMs = journal.sendTimeout().toMillis();
    try (Admin admin = Admin.create(config)) {
      createIfMissing(admin, journal, timeoutMs);
      TopicDescription description = describe(admin, journal.topic(), timeoutMs);
      log.info(
          "Journal topic {} has {} partitions", journal.topic(), description.partitions().size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while preparing the journal topic", e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(
          "Could not prepare journal topic " + journal.topic() + " on " + kafka.bootstrapServers(),
          e);
    }
  }

  /**
   * Describes the topic, asking again while the broker does not yet know a topic it has just
   * created (its metadata catches up within moments; under load the first answer can come first).
   */
  private static TopicDescription describe(Admin admin, String topic, long timeoutMs)
      throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    while (true) {
      try {
        return admin.describeTopics(List.of(topic)).topicNameValues().get(topic)
            .get(timeoutMs, TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
          throw e;
        }
        TimeUnit.MILLISECONDS.sleep(DESCRIBE_RETRY_MS);
      }
    }
  }

  private static void createIfMissing(Admin admin, JournalProperties journal, long timeoutMs)
      throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
    NewTopic topic =
        new NewTopic(
            journal.topic(),
            Optional.of(journal.partitions()),
            Optional.ofNullable(journal.replicationFactor()));
    try {
      admin.createTopics(List.of(topic)).all().get(timeoutMs, TimeUnit.MILLISECONDS);
      log.info("Created journal topic {}", journal.topic());
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }
}
