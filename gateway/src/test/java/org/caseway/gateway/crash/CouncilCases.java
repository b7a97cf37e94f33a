package org.caseway.gateway.crash;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.caseway.northshire.simulators.CouncilSimulator;

/**
 * Council ASB cases (council-asb-api.md) made up for load and appended to the council's change
 * feed: each a new case (version 1) whose perpetrator comes from a small cast including the
 * samples' Dean Whitfield, so that police, housing and probation each get a share; every fourth
 * case is updated later (version 2: another message about the same person, after the first). One
 * case breaks the API document (a case number of the wrong shape): the gateway must skip it, and
 * nobody may receive it.
 */
final class CouncilCases {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CouncilSimulator council;
  private final Random random;
  private final List<String> versions = new ArrayList<>();
  private final List<String> refused = new ArrayList<>();
  private final List<Integer> toUpdate = new ArrayList<>();
  private int next;

  CouncilCases(CouncilSimulator council, long seed) {
    this.council = council;
    this.random = new Random(seed);
  }

  /** Appends {@code count} new cases, and the updates of earlier ones that are due. */
  void publish(int count) {
    for (int i = 0; i < count; i++) {
      int number = 20_000 + next++;
      council.publish(caseJson("ASB/2026/" + number, number, 1));
      versions.add("ASB/2026/" + number + " v1");
      if (number % 4 == 0) {
        toUpdate.add(number);
      }
    }
    while (toUpdate.size() > 5) {
      int number = toUpdate.remove(0);
      council.publish(caseJson("ASB/2026/" + number, number, 2));
      versions.add("ASB/2026/" + number + " v2");
    }
  }

  /** The rest of the updates. */
  void publishRemainingUpdates() {
    for (int number : toUpdate) {
      council.publish(caseJson("ASB/2026/" + number, number, 2));
      versions.add("ASB/2026/" + number + " v2");
    }
    toUpdate.clear();
  }

  /** A case the mapping must refuse: its number breaks the document's shape. */
  void publishRefused() {
    String number = "ASB/2026/X" + refused.size();
    council.publish(caseJson(number, 99_000 + refused.size(), 1));
    refused.add(number);
  }

  /** Every case version published that the gateway must take. */
  int versionsPublished() {
    return versions.size();
  }

  List<String> refusedCaseNumbers() {
    return List.copyOf(refused);
  }

  private String caseJson(String caseNumber, int number, int version) {
    ObjectNode item = JSON.createObjectNode();
    item.put("caseNumber", caseNumber).put("version", version).put("status", "OPEN").put("category", "PERSONAL")
        .put("openedOn", "2026-10-02").putNull("closedOn");
    item.putObject("officer").put("name", "Ruth Okafor").put("email", "ruth.okafor@northshire.gov.uk");
    item.put("riskLevel", version == 2 ? "HIGH" : "STANDARD");
    ArrayNode parties = item.putArray("parties");
    int who = Math.floorMod(number * 7 + random.nextInt(3), 6);
    if (who == 0) {
      party(parties, 55120, "PERPETRATOR", "Dean", "Whitfield", "1994-03-17", "14 Larch Close", "NN7 4QT");
    } else {
      party(parties, 61000 + who, "PERPETRATOR", "Chris", "Perp" + (char) ('a' + who), "1992-0" + who + "-11",
          who + " Mill Lane", "NN7 1AB");
    }
    if (number % 3 == 0) {
      party(parties, 55121, "VICTIM", "Łukasz", "Nowak", "1988-08-02", "12 Larch Close", "NN7 4QT");
    }
    item.putArray("actions");
    item.put("notes", "Load case " + number);
    return item.toString();
  }

  private static void party(ArrayNode parties, int id, String role, String first, String last, String dob,
      String line1, String postcode) {
    ObjectNode party = parties.addObject();
    party.put("partyId", id).put("role", role).put("firstName", first).put("lastName", last).put("dateOfBirth", dob);
    party.putObject("address").put("line1", line1).putNull("line2").put("town", "Kettleby").put("postcode", postcode);
    party.putNull("uprn").putNull("phone");
    party.putArray("vulnerabilities");
  }
}
