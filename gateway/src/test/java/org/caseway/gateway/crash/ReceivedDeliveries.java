package org.caseway.gateway.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.caseway.gateway.crash.JournalWatch.Journaled;
import org.caseway.gateway.journal.JournalRecords;
import org.caseway.mappings.NameBasedIds;
import org.caseway.northshire.simulators.HousingSimulator;
import org.caseway.northshire.simulators.KafkaTopicRecorder;

/**
 * What each partner system received, held against the gateway's record: every disclosure the
 * record names reached its recipient (none lost), nothing reached anyone that the record does not
 * name (nothing not accepted, nothing undecided), each recipient got one person's messages in the
 * order they stand on the journal, and deduplicating by each format's stable id (the Kafka header,
 * the trust's Bundle.id, the council's notificationId, housing's AlertId) leaves one of each.
 *
 * <p>Each receiver's stable id leads back to a disclosure: on Kafka and at the trust it is the
 * disclosure's id; housing's AlertId is a name-based id of the disclosure, tenancy and alert type;
 * a council notification names the incident it is about ({@code sourceReference}), which the
 * journal leads back to its message.
 */
final class ReceivedDeliveries {

  static final String POLICE = "northshire-police";
  static final String COUNCIL = "northshire-council";
  static final String HOUSING = "northshire-housing";
  static final String PROBATION = "northshire-probation";
  static final String TRUST = "northshire-mh-trust";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One recipient's account. */
  record Account(String recipient, int expected, int received, int duplicates, int lost, int unexpected,
      int outOfOrder) {}

  private final List<String> problems = new ArrayList<>();
  private final Map<String, Account> accounts = new TreeMap<>();
  private final GatewayRecord record;
  private final Map<String, Journaled> journal;
  private final Map<String, String> messageOfReference = new HashMap<>();
  private final Map<String, String> messageOfDisclosure;
  private final Map<String, Set<String>> expected;

  ReceivedDeliveries(GatewayRecord record, Map<String, Journaled> journal) {
    this.record = record;
    this.journal = journal;
    journal.values().stream().filter(j -> j.reference() != null)
        .forEach(j -> messageOfReference.putIfAbsent(j.reference(), j.messageId()));
    this.messageOfDisclosure = record.messageOfDisclosure();
    this.expected = record.disclosuresByRecipient();
  }

  /** Everything the partner systems received. */
  ReceivedDeliveries check(PartnerSystems partners) {
    kafka(POLICE, partners.policeHub);
    kafka(PROBATION, partners.probation);
    trust(partners);
    council(partners);
    housing(partners.housing);
    expected.keySet().stream().filter(r -> !accounts.containsKey(r))
        .forEach(r -> problems.add(r + " was disclosed to, but the test has no receiver for it"));
    return this;
  }

  List<String> problems() {
    return List.copyOf(problems);
  }

  Map<String, Account> accounts() {
    return Map.copyOf(accounts);
  }

  int lost() {
    return accounts.values().stream().mapToInt(Account::lost).sum();
  }

  int duplicates() {
    return accounts.values().stream().mapToInt(Account::duplicates).sum();
  }

  int received() {
    return accounts.values().stream().mapToInt(Account::received).sum();
  }

  private void kafka(String recipient, KafkaTopicRecorder recorder) {
    List<String> arrivals = recorder.received().stream()
        .map(r -> r.headers().get(JournalRecords.MESSAGE_ID_HEADER)).toList();
    settle(recipient, arrivals, arrivals.size() - new HashSet<>(arrivals).size());
  }

  private void trust(PartnerSystems partners) {
    List<String> arrivals = partners.trust.received().stream().map(ReceivedDeliveries::bundleId).toList();
    settle(TRUST, arrivals, partners.trust.posts() - arrivals.size());
  }

  /** A notification per person of the incident: back to its message, and to the council's disclosure of it. */
  private void council(PartnerSystems partners) {
    Map<String, String> disclosureOfMessage = new HashMap<>();
    expected.getOrDefault(COUNCIL, Set.of()).forEach(d -> {
      String previous = disclosureOfMessage.put(messageOfDisclosure.get(d), d);
      if (previous != null) {
        problems.add("two disclosures of one message to the council (" + previous + ", " + d + "): the test cannot"
            + " tell their notifications apart");
      }
    });
    List<String> arrivals = new ArrayList<>();
    Map<String, String> notificationOfPerson = new HashMap<>();
    for (JsonNode notification : partners.council.notifications()) {
      String reference = notification.path("sourceReference").asText();
      String message = messageOfReference.get(reference);
      String disclosure = message == null ? null : disclosureOfMessage.get(message);
      arrivals.add(disclosure == null ? "council:" + reference : disclosure);
      JsonNode subject = notification.path("subject");
      String person = reference + "|" + subject.path("lastName").asText() + "|" + subject.path("dateOfBirth").asText();
      String other = notificationOfPerson.put(person, notification.path("notificationId").asText());
      if (other != null) {
        problems.add("the council holds two notifications (" + other + ", " + notification.path("notificationId")
            + ") about one person of one incident: deduplication by notificationId cannot take one of them out");
      }
    }
    int distinct = partners.council.notifications().size();
    settle(COUNCIL, arrivals, partners.council.notificationPosts() - distinct);
  }

  /** An alert per tenant of the disclosure: its AlertId is made of the disclosure, the tenancy and the type. */
  private void housing(HousingSimulator housing) {
    List<HousingSimulator.Alert> alerts = housing.alerts();
    Set<String> kinds = new HashSet<>();
    alerts.forEach(a -> kinds.add(a.tenancyRef() + "|" + a.alertType()));
    Map<String, String> disclosureOfAlert = new HashMap<>();
    for (String disclosure : expected.getOrDefault(HOUSING, Set.of())) {
      for (String kind : kinds) {
        disclosureOfAlert.put(NameBasedIds.of("housing-alert/" + disclosure + "|" + kind), disclosure);
      }
    }
    List<String> arrivals = alerts.stream()
        .map(a -> disclosureOfAlert.getOrDefault(a.alertId(), "housing-alert:" + a.alertId())).toList();
    settle(HOUSING, arrivals, housing.calls() - alerts.size());
  }

  /**
   * @param arrivals the disclosures behind what arrived, in arrival order (a disclosure may come
   *     more than once: as a repeat, or as one notification per person, one alert per tenant)
   * @param duplicates what the receiver was sent beyond one of each stable id
   */
  private void settle(String recipient, List<String> arrivals, int duplicates) {
    List<String> disclosures = List.copyOf(new LinkedHashSet<>(arrivals));
    Set<String> wanted = expected.getOrDefault(recipient, Set.of());
    Set<String> lost = new LinkedHashSet<>(wanted);
    disclosures.forEach(lost::remove);
    List<String> unexpected = disclosures.stream().filter(d -> !wanted.contains(d)).toList();
    if (!lost.isEmpty()) {
      problems.add(recipient + " never received " + lost.size() + " disclosure(s) the record names, e.g. "
          + lost.stream().limit(3).map(d -> d + " (message " + messageOfDisclosure.get(d) + ")").toList());
    }
    if (!unexpected.isEmpty()) {
      problems.add(recipient + " received " + unexpected.size() + " thing(s) the record of disclosures does not"
          + " name, e.g. " + unexpected.stream().limit(3).toList());
    }
    int outOfOrder = outOfOrder(recipient, disclosures);
    accounts.put(recipient, new Account(recipient, wanted.size(), disclosures.size(), Math.max(0, duplicates),
        lost.size(), unexpected.size(), outOfOrder));
  }

  /** Per person (journal key): the messages' first arrivals must follow their places on the journal. */
  private int outOfOrder(String recipient, List<String> disclosures) {
    Map<String, Journaled> lastOfSubject = new LinkedHashMap<>();
    int wrong = 0;
    for (String disclosure : disclosures) {
      String message = messageOfDisclosure.get(disclosure);
      Journaled journaled = message == null ? null : journal.get(message);
      if (journaled == null) {
        continue;
      }
      Journaled before = lastOfSubject.put(journaled.subjectKey(), journaled);
      if (before != null && (before.partition() != journaled.partition() || before.offset() > journaled.offset())) {
        if (wrong++ < 3) {
          problems.add(recipient + " received message " + journaled.messageId() + " (journal " + journaled.partition()
              + "@" + journaled.offset() + ") after " + before.messageId() + " (" + before.partition() + "@"
              + before.offset() + "), both about " + journaled.subjectKey() + ": out of the order accepted");
        }
      }
    }
    return wrong;
  }

  private static String bundleId(String json) {
    try {
      return JSON.readTree(json).path("id").asText();
    } catch (java.io.IOException e) {
      return "unreadable";
    }
  }
}
