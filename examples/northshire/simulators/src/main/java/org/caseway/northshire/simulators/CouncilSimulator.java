package org.caseway.northshire.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;

/**
 * Northshire Borough Council's ASB case management API, as council-asb-api.md describes it, on a
 * WireMock server.
 *
 * <ul>
 *   <li>Every request needs header {@code X-Api-Key} equal to the configured key, else {@code 401}.
 *   <li>{@code GET /api/v2/cases/changes?since={cursor}&limit={n}}: the change feed, an
 *       append-only list of case versions. Cursor {@code c-000002} is the position after the
 *       second entry; {@code since} omitted is the start; {@code limit} is 1 to 200, default 50.
 *       Answers {@code {"changes":[...],"nextCursor":"...","hasMore":bool}}; with nothing new,
 *       {@code nextCursor} is the cursor given. A cursor it never gave, or a bad limit, gets {@code
 *       400 {"errors":[...]}}.
 *   <li>{@code POST /api/v2/partner-notifications} ({@code application/json}, else 415): a body
 *       that breaks the document's schema (see {@link NotificationRules}) gets {@code 400
 *       {"errors":["field: why", ...]}} and is not kept; a {@code notificationId} seen before gets
 *       {@code 200} and is not kept twice; anything else {@code 201}.
 *   <li>On demand: {@code 429} or {@code 503}, each with {@code Retry-After} (seconds), to any
 *       request. Maintenance wins over the rate limit, and both come before the key check.
 * </ul>
 *
 * <p>Thread-safe. Listens on localhost only. WireMock's {@code /__admin/requests} lists every
 * request received. Logs ids only, never the personal data in cases or notifications.
 */
public final class CouncilSimulator implements AutoCloseable {

  private final WireMockServer server;
  private final CouncilApi api;

  private CouncilSimulator(WireMockServer server, CouncilApi api) {
    this.server = server;
    this.api = api;
  }

  /**
   * Starts the council's API with an empty feed.
   *
   * @param port the port to listen on, 0 for any free one (see {@link #baseUrl()})
   * @param apiKey the key every request must present in {@code X-Api-Key}
   * @throws IllegalArgumentException if {@code apiKey} is blank or the port out of range
   */
  public static CouncilSimulator start(int port, String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("The council simulator needs a non-blank API key");
    }
    CouncilApi api = new CouncilApi(apiKey);
    return new CouncilSimulator(SimulatorServers.start(port, api), api);
  }

  /** {@code http://localhost:PORT}, the base of the API's paths. */
  public String baseUrl() {
    return SimulatorServers.baseUrl(server);
  }

  /** Appends the cases of the sample page ({@link Samples#councilChangesPage()}) to the feed, in order. */
  public void publishSampleChanges() {
    JsonNode page = Json.object(Samples.councilChangesPage(), "The council sample page");
    page.get("changes").forEach(api::append);
  }

  /**
   * Appends one case version to the feed.
   *
   * @param caseJson a case as the document shows it (a JSON object with {@code caseNumber} and
   *     {@code version}); a version already in the feed may be appended again, as the real feed does
   * @throws IllegalArgumentException if it is not a JSON object with a caseNumber and an integer version
   */
  public void publish(String caseJson) {
    JsonNode caseVersion = Json.object(caseJson, "A council case");
    if (!caseVersion.path("caseNumber").isTextual() || !caseVersion.path("version").isIntegralNumber()) {
      throw new IllegalArgumentException("A council case needs a string caseNumber and an integer version");
    }
    api.append(caseVersion);
  }

  /**
   * The next {@code calls} requests, to any endpoint, get {@code 429} with {@code Retry-After:
   * retryAfterSeconds}; replaces what is left of an earlier budget.
   *
   * @throws IllegalArgumentException if either is negative
   */
  public void rateLimitNext(int calls, int retryAfterSeconds) {
    api.rateLimitNext(calls, requireSeconds(retryAfterSeconds));
  }

  /** While {@code on}, every request gets {@code 503} with {@code Retry-After: retryAfterSeconds}. */
  public void maintenance(boolean on, int retryAfterSeconds) {
    api.maintenance(on, requireSeconds(retryAfterSeconds));
  }

  /** The notifications taken (201), each once, in arrival order; copies, safe to change. */
  public List<JsonNode> notifications() {
    return api.notifications();
  }

  /** Every POST to partner-notifications so far, duplicates, refused and unanswered ones included. */
  public int notificationPosts() {
    return api.notificationPosts();
  }

  /** Stops the server; idempotent. */
  @Override
  public void close() {
    server.stop();
  }

  private static int requireSeconds(int seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException("Retry-After is 0 or more seconds, not " + seconds);
    }
    return seconds;
  }
}
