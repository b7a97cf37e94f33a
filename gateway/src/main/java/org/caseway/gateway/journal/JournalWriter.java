package org.caseway.gateway.journal;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.GatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends accepted messages to the journal topic and waits for the broker's acknowledgement.
 *
 * <p>Thread-safe (Kafka producers are). {@link #append} returns only once the broker has the record
 * (acks=all, idempotent producer: see {@link JournalConfiguration}); if it throws, the record may
 * or may not be on the journal, which is why consumers deduplicate by message id.
 */
public class JournalWriter {

  private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);

  private final Producer<String, String> producer;
  private final String topic;
  private final Duration sendTimeout;

  public JournalWriter(Producer<String, String> producer, String topic, Duration sendTimeout) {
    this.producer = producer;
    this.topic = topic;
    this.sendTimeout = sendTimeout;
  }

  /**
   * Writes {@code entry} and waits for the broker to acknowledge it.
   *
   * @return where the broker stored it
   * @throws GatewayException {@link ErrorCode#JOURNAL_UNAVAILABLE} if the broker did not
   *     acknowledge within the send timeout or refused the write
   */
  public JournalPosition append(JournalEntry entry) {
    try {
      Future<RecordMetadata> ack = producer.send(JournalRecords.toRecord(topic, entry));
      RecordMetadata metadata = ack.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
      return new JournalPosition(metadata.partition(), metadata.offset());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(entry, e);
    } catch (ExecutionException e) {
      throw unavailable(entry, e.getCause());
    } catch (TimeoutException | KafkaException e) {
      throw unavailable(entry, e);
    }
  }

  private GatewayException unavailable(JournalEntry entry, Throwable cause) {
    log.warn(
        "Journal did not acknowledge message {} from {}: {}",
        entry.messageId(),
        entry.sourcePartnerId(),
        cause.toString());
    return new GatewayException(
        ErrorCode.JOURNAL_UNAVAILABLE,
        "The message could not be recorded just now and was not accepted; send it again later.",
        cause);
  }
}
