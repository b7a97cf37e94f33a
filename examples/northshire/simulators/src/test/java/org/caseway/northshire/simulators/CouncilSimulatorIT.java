package org.caseway.northshire.simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The council's API over real HTTP: key, change feed and cursors, notifications, 429 and 503. */
class CouncilSimulatorIT {

  private static final String KEY = "council-test-key";
  private static final ObjectMapper JSON = new ObjectMapper();

  private CouncilSimulator council;

  @BeforeEach
  void start() {
    council = CouncilSimulator.start(0, KEY);
  }

  @AfterEach
  void stop() {
    council.close();
  }

  @Test
  void refusesARequestWithoutTheRightApiKey() throws Exception {
    HttpResponse<String> none = Http.get(changesUrl(""));
    HttpResponse<String> wrong = Http.get(changesUrl(""), "X-Api-Key", "not-the-key");
    HttpResponse<String> post = Http.post(notificationsUrl(), notification(UUID.randomUUID()).toString(),
        "Content-Type", "application/json", "X-Api-Key", "not-the-key");

    for (HttpResponse<String> response : List.of(none, wrong, post)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(errors(response)).singleElement(STRING).contains("X-Api-Key");
    }
    assertThat(council.notifications()).isEmpty();
  }

  @Test
  void givesTheFeedInPagesFromTheCursorItGave() throws Exception {
    council.publishSampleChanges();
    for (int i = 1; i <= 3; i++) {
      council.publish(caseVersion("ASB/2026/0090" + i, 1));
    }

    JsonNode first = body(getChanges("?limit=2"));
    JsonNode second = body(getChanges("?since=c-000002&limit=2"));
    JsonNode third = body(getChanges("?since=c-000004&limit=2"));

    assertPage(first, List.of("ASB/2026/00817", "ASB/2026/00822"), "c-000002", true);
    assertPage(second, List.of("ASB/2026/00901", "ASB/2026/00902"), "c-000004", true);
    assertPage(third, List.of("ASB/2026/00903"), "c-000005", false);
  }

  @Test
  void withNothingNewGivesTheSameCursorBackThenWhatIsAppended() throws Exception {
    council.publishSampleChanges();

    assertPage(body(getChanges("?since=c-000002")), List.of(), "c-000002", false);
    council.publish(caseVersion("ASB/2026/00817", 5));
    council.publish(caseVersion("ASB/2026/00817", 5));

    // The same version twice, as the real feed may give it.
    assertPage(body(getChanges("?since=c-000002")), List.of("ASB/2026/00817", "ASB/2026/00817"), "c-000004", false);
  }

  @Test
  void anEmptyFeedFromTheStartGivesTheStartCursor() throws Exception {
    assertPage(body(getChanges("")), List.of(), "c-000000", false);
  }

  @Test
  void theSamplePageIsServedAsTheDocumentShowsIt() throws Exception {
    council.publishSampleChanges();

    JsonNode page = body(getChanges(""));

    assertThat(page.get("changes")).isEqualTo(JSON.readTree(Samples.councilChangesPage()).get("changes"));
  }

  @Test
  void pagesHoldFiftyByDefaultAndAtMostTwoHundred() throws Exception {
    for (int i = 0; i < 210; i++) {
      council.publish(caseVersion(String.format("ASB/2026/%05d", i), 1));
    }

    assertThat(body(getChanges("")).get("changes")).hasSize(50);
    JsonNode max = body(getChanges("?limit=200"));
    assertThat(max.get("changes")).hasSize(200);
    assertThat(max.get("hasMore").asBoolean()).isTrue();
    for (String bad : List.of("?limit=201", "?limit=0", "?limit=fifty")) {
      HttpResponse<String> response = getChanges(bad);
      assertThat(response.statusCode()).as(bad).isEqualTo(400);
      assertThat(errors(response)).singleElement(STRING).contains("limit");
    }
  }

  @Test
  void refusesACursorItNeverGave() throws Exception {
    council.publishSampleChanges();

    for (String cursor : List.of("c-000003", "c-0000001", "garbled", "")) {
      HttpResponse<String> response = getChanges("?since=" + cursor);
      assertThat(response.statusCode()).as(cursor).isEqualTo(400);
      assertThat(errors(response)).singleElement(STRING).startsWith("unknown cursor");
    }
  }

  @Test
  void takesANotificationOnceAndAnswersARepeatWith200() throws Exception {
    ObjectNode notification = notification(UUID.randomUUID());

    HttpResponse<String> created = postNotification(notification.toString());
    HttpResponse<String> repeat = postNotification(notification.toString());

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(repeat.statusCode()).isEqualTo(200);
    assertThat(council.notifications()).containsExactly(notification);
    assertThat(council.notificationPosts()).isEqualTo(2);
  }

  @Test
  void keepsDistinctNotificationsInArrivalOrder() throws Exception {
    ObjectNode first = notification(UUID.randomUUID());
    ObjectNode second = notification(UUID.randomUUID());
    second.remove("riskMarkers");
    second.putArray("riskMarkers");
    ((ObjectNode) second.get("subject")).remove(List.of("partyId", "dateOfBirth", "firstName"));

    assertThat(postNotification(first.toString()).statusCode()).isEqualTo(201);
    assertThat(postNotification(second.toString()).statusCode()).isEqualTo(201);

    assertThat(council.notifications()).containsExactly(first, second);
  }

  @Test
  void refusesANotificationThatBreaksTheSchemaSayingWhichFieldsAndWhy() throws Exception {
    ObjectNode notification = notification(UUID.randomUUID());
    notification.put("kind", "GOSSIP");
    notification.put("receivedAt", "2026-11-03T09:15:00+01:00");
    notification.putArray("riskMarkers").add("VIOLENT").add("MH");
    notification.put("ethnicity", "W1");
    ObjectNode subject = (ObjectNode) notification.get("subject");
    subject.remove("lastName");
    subject.put("dateOfBirth", "1994-02-30");
    subject.put("partyId", "55120");

    HttpResponse<String> response = postNotification(notification.toString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errors(response)).containsExactlyInAnyOrder(
        "ethnicity: is not a field of a partner notification",
        "kind: must be one of INCIDENT, RISK_FLAG, CASE_UPDATE, REFERRAL",
        "receivedAt: must be an ISO-8601 instant in UTC, e.g. 2026-11-03T09:15:00Z",
        "subject.lastName: is required",
        "subject.dateOfBirth: must be a date, yyyy-MM-dd",
        "subject.partyId: must be an integer",
        "riskMarkers[1]: must be one of VIOLENT, WEAPONS, DRUGS");
    assertThat(council.notifications()).isEmpty();
    assertThat(council.notificationPosts()).isEqualTo(1);
  }

  @Test
  void refusesABodyThatIsNotJsonOrNotSentAsJson() throws Exception {
    HttpResponse<String> notJson = postNotification("notificationId=1");
    HttpResponse<String> plainText = Http.post(notificationsUrl(), notification(UUID.randomUUID()).toString(),
        "Content-Type", "text/plain", "X-Api-Key", KEY);

    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(errors(notJson)).singleElement(STRING).startsWith("body:");
    assertThat(plainText.statusCode()).isEqualTo(415);
    assertThat(council.notifications()).isEmpty();
  }

  @Test
  void rateLimitsTheNextCallsToAnyEndpointWithRetryAfter() throws Exception {
    council.rateLimitNext(2, 7);

    HttpResponse<String> limitedGet = getChanges("");
    HttpResponse<String> limitedPost = postNotification(notification(UUID.randomUUID()).toString());
    HttpResponse<String> through = getChanges("");

    for (HttpResponse<String> limited : List.of(limitedGet, limitedPost)) {
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).hasValue("7");
    }
    assertThat(through.statusCode()).isEqualTo(200);
    assertThat(council.notifications()).isEmpty();
    assertThat(council.notificationPosts()).isEqualTo(1);
  }

  @Test
  void answersEveryRequestWith503AndRetryAfterWhileInMaintenance() throws Exception {
    council.maintenance(true, 120);

    HttpResponse<String> get = getChanges("");
    HttpResponse<String> post = postNotification(notification(UUID.randomUUID()).toString());
    HttpResponse<String> withoutKey = Http.get(changesUrl(""));
    council.maintenance(false, 0);
    HttpResponse<String> after = getChanges("");

    for (HttpResponse<String> down : List.of(get, post, withoutKey)) {
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.headers().firstValue("Retry-After")).hasValue("120");
    }
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(council.notifications()).isEmpty();
  }

  @Test
  void answersAnUnknownPathWith404AndAWrongMethodWith405() throws Exception {
    assertThat(Http.get(council.baseUrl() + "/api/v2/cases", "X-Api-Key", KEY).statusCode()).isEqualTo(404);
    assertThat(Http.get(notificationsUrl(), "X-Api-Key", KEY).statusCode()).isEqualTo(405);
  }

  @Test
  void wireMocksAdminApiListsEveryRequestReceived() throws Exception {
    getChanges("");
    postNotification(notification(UUID.randomUUID()).toString());
    Http.get(changesUrl(""));

    JsonNode journal = JSON.readTree(Http.get(council.baseUrl() + "/__admin/requests").body());

    assertThat(journal.get("requests")).hasSize(3);
  }

  private HttpResponse<String> getChanges(String query) {
    return Http.get(changesUrl(query), "X-Api-Key", KEY);
  }

  private HttpResponse<String> postNotification(String body) {
    return Http.post(notificationsUrl(), body, "Content-Type", "application/json; charset=utf-8", "X-Api-Key", KEY);
  }

  private String changesUrl(String query) {
    return council.baseUrl() + "/api/v2/cases/changes" + query;
  }

  private String notificationsUrl() {
    return council.baseUrl() + "/api/v2/partner-notifications";
  }

  private static void assertPage(JsonNode page, List<String> caseNumbers, String nextCursor, boolean hasMore) {
    List<String> actual = new ArrayList<>();
    page.get("changes").forEach(change -> actual.add(change.get("caseNumber").asText()));
    assertThat(actual).containsExactlyElementsOf(caseNumbers);
    assertThat(page.get("nextCursor").asText()).isEqualTo(nextCursor);
    assertThat(page.get("hasMore").asBoolean()).isEqualTo(hasMore);
  }

  private static JsonNode body(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    return JSON.readTree(response.body());
  }

  private static List<String> errors(HttpResponse<String> response) throws Exception {
    List<String> errors = new ArrayList<>();
    JSON.readTree(response.body()).get("errors").forEach(error -> errors.add(error.asText()));
    return errors;
  }

  private static String caseVersion(String caseNumber, int version) {
    return "{\"caseNumber\":\"" + caseNumber + "\",\"version\":" + version + ",\"status\":\"OPEN\"}";
  }

  /** The document's example notification, with the given id. */
  static ObjectNode notification(UUID id) {
    ObjectNode notification = JSON.createObjectNode();
    notification.put("notificationId", id.toString());
    notification.put("fromAgency", "Northshire Police");
    notification.put("kind", "INCIDENT");
    notification.put("receivedAt", "2026-11-03T09:15:00Z");
    notification.putObject("subject").put("firstName", "Dean").put("lastName", "Whitfield")
        .put("dateOfBirth", "1994-03-17").put("partyId", 55120);
    notification.put("summary", "ASB-PERSONAL at Larch Close, NN7 4QT, 2026-11-03 08:40");
    notification.putArray("riskMarkers").add("VIOLENT");
    notification.put("sourceReference", "NP-2026-004512");
    return notification;
  }
}
