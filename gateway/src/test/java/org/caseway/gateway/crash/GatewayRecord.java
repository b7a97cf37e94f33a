package org.caseway.gateway.crash;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The gateway's own account of a run, read from its database once it has stopped: what it
 * accepted, and every disclosure it recorded (the record of disclosures decides who was entitled
 * to what: the test does not redo the policy), with the outbox's state of each.
 */
final class GatewayRecord {

  /** One disclosure in the record of disclosures. */
  record Disclosed(String disclosureId, String messageId, String recipient) {}

  final Set<String> accepted;
  final Map<String, String> acceptedSource;
  final List<Disclosed> disclosed;
  final Set<String> recordedMessages;
  final Map<String, Integer> deliveriesByState;
  final int poisonMessages;
  final int entries;

  private GatewayRecord(Map<String, String> acceptedSource, List<Disclosed> disclosed, Set<String> recordedMessages,
      Map<String, Integer> deliveriesByState, int poisonMessages, int entries) {
    this.accepted = acceptedSource.keySet();
    this.acceptedSource = acceptedSource;
    this.disclosed = disclosed;
    this.recordedMessages = recordedMessages;
    this.deliveriesByState = deliveriesByState;
    this.poisonMessages = poisonMessages;
    this.entries = entries;
  }

  static GatewayRecord read(DataSource database) {
    JdbcClient jdbc = JdbcClient.create(database);
    Map<String, String> accepted = new LinkedHashMap<>();
    jdbc.sql("SELECT message_id, source_partner FROM accepted_message")
        .query((row, n) -> accepted.put(row.getString(1), row.getString(2))).list();
    List<Disclosed> disclosed = jdbc.sql("SELECT disclosure_id, message_id, recipient_partner FROM disclosure_record"
            + " WHERE kind = 'DISCLOSED' ORDER BY seq")
        .query((row, n) -> new Disclosed(row.getString(1), row.getString(2), row.getString(3))).list();
    Set<String> recorded = Set.copyOf(jdbc.sql("SELECT DISTINCT message_id FROM disclosure_record")
        .query(String.class).list());
    Map<String, Integer> states = new LinkedHashMap<>();
    jdbc.sql("SELECT state, COUNT(*) FROM delivery GROUP BY state")
        .query((row, n) -> states.put(row.getString(1), row.getInt(2))).list();
    int poison = jdbc.sql("SELECT COUNT(*) FROM poison_message").query(Integer.class).single();
    int entries = jdbc.sql("SELECT COUNT(*) FROM disclosure_record").query(Integer.class).single();
    return new GatewayRecord(accepted, disclosed, recorded, states, poison, entries);
  }

  /** Disclosure ids per recipient. */
  Map<String, Set<String>> disclosuresByRecipient() {
    return disclosed.stream().collect(Collectors.groupingBy(Disclosed::recipient,
        Collectors.mapping(Disclosed::disclosureId, Collectors.toSet())));
  }

  Map<String, String> messageOfDisclosure() {
    return disclosed.stream().collect(Collectors.toMap(Disclosed::disclosureId, Disclosed::messageId, (a, b) -> a));
  }

  long acceptedFrom(String source) {
    return acceptedSource.values().stream().filter(source::equals).count();
  }
}
