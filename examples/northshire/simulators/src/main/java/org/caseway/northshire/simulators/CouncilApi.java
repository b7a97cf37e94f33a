package org.caseway.northshire.simulators;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The council's ASB case management API (council-asb-api.md), as a WireMock transformer that
 * answers every request. In order: maintenance (503), rate limit (429), API key (401), then the
 * change feed and partner notifications. Thread-safe: WireMock calls it on many threads.
 */
final class CouncilApi implements ResponseDefinitionTransformerV2 {

  static final String CHANGES_PATH = "/api/v2/cases/changes";
  static final String NOTIFICATIONS_PATH = "/api/v2/partner-notifications";
  static final String API_KEY_HEADER = "X-Api-Key";

  private static final Logger log = LoggerFactory.getLogger(CouncilSimulator.class);

  private final String apiKey;
  private final CouncilFeed feed = new CouncilFeed();
  private final DistinctById<JsonNode> notifications = new DistinctById<>();
  private final NotificationRules rules = new NotificationRules();
  private final CallBudget rateLimited = new CallBudget();
  private final AtomicInteger notificationPosts = new AtomicInteger();
  private volatile int rateLimitRetryAfter;
  /** Seconds for Retry-After while in maintenance; null when not in maintenance. */
  private volatile Integer maintenanceRetryAfter;

  CouncilApi(String apiKey) {
    this.apiKey = apiKey;
  }

  @Override
  public String getName() {
    return "northshire-council-api";
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    String path = RequestPaths.of(request);
    if (path.equals(NOTIFICATIONS_PATH) && RequestMethod.POST.equals(request.getMethod())) {
      notificationPosts.incrementAndGet();
    }
    return inMaintenance()
        .or(this::rateLimited)
        .or(() -> unauthenticated(request))
        .orElseGet(() -> route(request, path))
        .build();
  }

  private Optional<ResponseDefinitionBuilder> inMaintenance() {
    Integer retryAfter = maintenanceRetryAfter;
    return retryAfter == null ? Optional.empty() : Optional.of(
        errors(503, "the service is down for maintenance; retry later").withHeader("Retry-After", retryAfter.toString()));
  }

  private Optional<ResponseDefinitionBuilder> rateLimited() {
    return rateLimited.take() ? Optional.of(errors(429, "too many requests; retry later")
        .withHeader("Retry-After", String.valueOf(rateLimitRetryAfter))) : Optional.empty();
  }

  private Optional<ResponseDefinitionBuilder> unauthenticated(Request request) {
    return Credentials.matches(request.getHeader(API_KEY_HEADER), apiKey) ? Optional.empty()
        : Optional.of(errors(401, API_KEY_HEADER + ": missing or not a valid API key"));
  }

  private ResponseDefinitionBuilder route(Request request, String path) {
    boolean get = RequestMethod.GET.equals(request.getMethod());
    boolean post = RequestMethod.POST.equals(request.getMethod());
    if (path.equals(CHANGES_PATH)) {
      return get ? changes(request) : errors(405, CHANGES_PATH + " takes GET").withHeader("Allow", "GET");
    }
    if (path.equals(NOTIFICATIONS_PATH)) {
      return post ? notification(request) : errors(405, NOTIFICATIONS_PATH + " takes POST").withHeader("Allow", "POST");
    }
    return errors(404, "no such endpoint: " + path);
  }

  private ResponseDefinitionBuilder changes(Request request) {
    try {
      CouncilFeed.Page page = feed.page(query(request, "since"), limit(request));
      ObjectNode body = Json.mapper().createObjectNode();
      body.putArray("changes").addAll(page.changes());
      body.put("nextCursor", page.nextCursor()).put("hasMore", page.hasMore());
      return json(200, Json.write(body));
    } catch (IllegalArgumentException e) {
      return errors(400, e.getMessage());
    }
  }

  private static int limit(Request request) {
    String limit = query(request, "limit");
    if (limit == null) {
      return CouncilFeed.DEFAULT_LIMIT;
    }
    try {
      return Integer.parseInt(limit);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("limit must be an integer from 1 to " + CouncilFeed.MAX_LIMIT);
    }
  }

  private ResponseDefinitionBuilder notification(Request request) {
    if (!MediaTypes.is(request.getHeader("Content-Type"), "application/json")) {
      return errors(415, "Content-Type: must be application/json");
    }
    Optional<JsonNode> body = Json.read(request.getBody());
    List<String> problems = body.map(rules::problems).orElse(List.of("body: is not JSON"));
    if (!problems.isEmpty()) {
      log.info("Council refused a notification: {}", problems);
      return json(400, Json.errors(problems));
    }
    String id = body.get().get("notificationId").asText();
    boolean added = notifications.add(id.toLowerCase(Locale.ROOT), body.get());
    log.info("Council {} notification {}", added ? "took" : "already had", id);
    return json(added ? 201 : 200, Json.write(Map.of("notificationId", id, "duplicate", !added)));
  }

  private static String query(Request request, String name) {
    QueryParameter parameter = request.queryParameter(name);
    return parameter.isPresent() ? parameter.firstValue() : null;
  }

  private static ResponseDefinitionBuilder errors(int status, String error) {
    return json(status, Json.errors(List.of(error)));
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  // The simulator's controls and observations.

  void append(JsonNode caseVersion) {
    feed.append(caseVersion);
  }

  void rateLimitNext(int calls, int retryAfterSeconds) {
    rateLimitRetryAfter = retryAfterSeconds;
    rateLimited.set(calls);
  }

  void maintenance(boolean on, int retryAfterSeconds) {
    maintenanceRetryAfter = on ? retryAfterSeconds : null;
  }

  List<JsonNode> notifications() {
    return notifications.items().stream().<JsonNode>map(JsonNode::deepCopy).toList();
  }

  int notificationPosts() {
    return notificationPosts.get();
  }
}
