package org.caseway.northshire.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The council's notification schema, rule by rule (the HTTP side is in CouncilSimulatorIT). */
class NotificationRulesTest {

  private final NotificationRules rules = new NotificationRules();

  @Test
  void theDocumentsExampleConforms() {
    assertThat(rules.problems(CouncilSimulatorIT.notification(UUID.randomUUID()))).isEmpty();
  }

  @Test
  void aSubjectNeedsOnlyALastNameAndNullsCountAsAbsent() {
    ObjectNode notification = CouncilSimulatorIT.notification(UUID.randomUUID());
    notification.putObject("subject").put("lastName", "Whitfield").putNull("partyId").putNull("dateOfBirth");

    assertThat(rules.problems(notification)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenNotifications")
  void refusesWithOneProblemNamingTheField(String expected, Consumer<ObjectNode> breakIt) {
    ObjectNode notification = CouncilSimulatorIT.notification(UUID.randomUUID());
    breakIt.accept(notification);

    assertThat(rules.problems(notification)).containsExactly(expected);
  }

  static Stream<Arguments> brokenNotifications() {
    return Stream.of(
        broken("notificationId: is required", n -> n.remove("notificationId")),
        broken("notificationId: must be a UUID", n -> n.put("notificationId", "NP-2026-004512")),
        broken("fromAgency: must be a non-empty string", n -> n.put("fromAgency", " ")),
        broken("kind: must be a non-empty string", n -> n.put("kind", 3)),
        broken("receivedAt: must be an ISO-8601 instant in UTC, e.g. 2026-11-03T09:15:00Z",
            n -> n.put("receivedAt", "03/11/2026 09:15")),
        broken("subject: is required", n -> n.putNull("subject")),
        broken("subject: must be an object", n -> n.put("subject", "Dean Whitfield")),
        broken("subject.firstName: must be a string", n -> subject(n).put("firstName", 7)),
        broken("subject.lastName: must be a non-empty string", n -> subject(n).put("lastName", "")),
        broken("subject.dateOfBirth: must be a date, yyyy-MM-dd", n -> subject(n).put("dateOfBirth", "17/03/1994")),
        broken("subject.partyId: must be an integer", n -> subject(n).put("partyId", 55120.5)),
        broken("subject.uprn: is not a field of a partner notification", n -> subject(n).put("uprn", "1")),
        broken("summary: is required", n -> n.remove("summary")),
        broken("riskMarkers: is required (an empty array when there are none)", n -> n.remove("riskMarkers")),
        broken("riskMarkers: must be an array", n -> n.put("riskMarkers", "VIOLENT")),
        broken("riskMarkers[0]: must be one of VIOLENT, WEAPONS, DRUGS", n -> n.putArray("riskMarkers").add("VI")),
        broken("sourceReference: is required", n -> n.remove("sourceReference")));
  }

  private static Arguments broken(String expected, Consumer<ObjectNode> breakIt) {
    return Arguments.of(expected, breakIt);
  }

  private static ObjectNode subject(ObjectNode notification) {
    return (ObjectNode) notification.get("subject");
  }
}
