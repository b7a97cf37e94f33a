package org.caseway.adapters.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.caseway.adapters.intake.Acknowledgement;
import org.caseway.adapters.intake.MessageIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka in, for one inbound topic shared by message-driven partners (probation-kafka.md): takes the
 * record's message through the accept path as the partner its {@code caseway-partner} header names,
 * and turns the exchange into the acknowledgement to publish on that partner's acks topic (key = the
 * answered message id, header {@code caseway-message-id} = the acknowledgement's own id).
 *
 * <p>On a topic one partner alone may write, every record is that partner's (see {@link #sender}).
 * On a shared topic, a record whose header names no partner with a Kafka in channel on it is
 * skipped ({@link #SKIP_HEADER}) and logged: there is no acks topic to answer on, and answering on
 * a guessed one could tell a stranger something. Thread-safe.
 */
public class KafkaInAcknowledger implements org.apache.camel.Processor {

  public static final String PARTNER_HEADER = "caseway-partner";
  public static final String MESSAGE_ID_HEADER = "caseway-message-id";
  /** Set when the record is not answered. */
  public static final String SKIP_HEADER = "CasewaySkipRecord";

  private static final Logger log = LoggerFactory.getLogger(KafkaInAcknowledger.class);

  private final String topic;
  private final Map<String, String> acksTopicByPartner;
  private final MessageIntake intake;

  /** @param acksTopicByPartner the partners allowed on this topic, each with its acks topic */
  public KafkaInAcknowledger(String topic, Map<String, String> acksTopicByPartner, MessageIntake intake) {
    this.topic = topic;
    this.acksTopicByPartner = Map.copyOf(acksTopicByPartner);
    this.intake = intake;
  }

  /** The partners that may publish on this topic. */
  public Set<String> partners() {
    return acksTopicByPartner.keySet();
  }

  @Override
  public void process(Exchange exchange) {
    Message in = exchange.getIn();
    String named = text(in.getHeader(PARTNER_HEADER));
    String partner = sender(named);
    if (partner == null) {
      log.warn("Record on {} (partition {}, offset {}) skipped: its {} header '{}' names no partner with a Kafka"
          + " in channel on this topic", topic, in.getHeader(KafkaConstants.PARTITION), in.getHeader(KafkaConstants.OFFSET),
          PARTNER_HEADER, named);
      in.setHeader(SKIP_HEADER, true);
      return;
    }
    if (!partner.equals(named)) {
      log.warn("Record on {} (partition {}, offset {}): its {} header names '{}', but only {} may write this topic;"
          + " taken as {}'s", topic, in.getHeader(KafkaConstants.PARTITION), in.getHeader(KafkaConstants.OFFSET),
          PARTNER_HEADER, named, partner, partner);
    }
    Acknowledgement ack = intake.acknowledge(partner, in.getBody(String.class));
    becomeAcknowledgement(in, partner, ack);
    log.info("Acknowledged message {} from {} on {} with {}", ack.answeredId(), partner, topic, ack.code());
  }

  /**
   * Who sent the record. A topic that one partner alone may write (the broker's ACLs: the only way
   * Kafka lets a consumer know who wrote a record) is that partner's, whatever the header says, and
   * the accept path then refuses a message whose source is someone else. On a topic shared by
   * several partners only the header can say, and it must name one of them.
   */
  private String sender(String named) {
    if (acksTopicByPartner.size() == 1) {
      return acksTopicByPartner.keySet().iterator().next();
    }
    return named != null && acksTopicByPartner.containsKey(named) ? named : null;
  }

  private void becomeAcknowledgement(Message in, String partner, Acknowledgement ack) {
    // Only the commit handle survives: the record's own headers must not travel to the acks topic.
    in.removeHeaders("*", KafkaConstants.MANUAL_COMMIT);
    in.setHeader(KafkaConstants.OVERRIDE_TOPIC, acksTopicByPartner.get(partner));
    in.setHeader(KafkaConstants.KEY, ack.answeredId());
    in.setHeader(MESSAGE_ID_HEADER, ack.responseId());
    in.setBody(ack.responseJson());
  }

  private static String text(Object header) {
    if (header instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return header == null ? null : header.toString();
  }
}
