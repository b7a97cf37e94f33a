package org.caseway.adapters.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.caseway.adapters.feed.ChangeFeedPoller.PollOutcome.ANOTHER_INSTANCE_POLLS;
import static org.caseway.adapters.feed.ChangeFeedPoller.PollOutcome.NOT_DUE;
import static org.caseway.adapters.feed.ChangeFeedPoller.PollOutcome.PARTNER_NOT_ACTIVE;
import static org.caseway.adapters.feed.ChangeFeedPoller.PollOutcome.POLLED;
import static org.caseway.adapters.feed.ChangeFeedPoller.PollOutcome.REFUSED;
import static org.caseway.adapters.feed.ChangeFeedPoller.PollOutcome.RETRY_LATER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import org.caseway.adapters.ChannelDefinition;
import org.caseway.adapters.Direction;
import org.caseway.adapters.intake.PartnerGate;
import org.caseway.adapters.support.FakeIntake;
import org.caseway.adapters.support.Fixtures;
import org.caseway.adapters.support.InMemoryFeedStateStore;
import org.caseway.mappings.support.MutableClock;
import org.caseway.mappings.Mappings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The council's change feed (council-asb-api.md) read by {@link FeedClient} and {@link ChangeFeedPoller}
 * from a WireMock stand-in; time is a clock the test moves, so "not due yet" needs no waiting.
 */
@Tag("integration")
class ChangeFeedPollerIT {

  @RegisterExtension
  static WireMockExtension council = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String PATH = "/api/v2/cases/changes";
  private static final String API_KEY = "test-only-council-key-123";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final Mappings MAPPINGS = Mappings.onClasspath();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-03T09:00:00Z"));
  private final InMemoryFeedStateStore state = new InMemoryFeedStateStore();
  private final FakeIntake intake = new FakeIntake();
  private PartnerGate gate = partner -> true;

  @Test
  void theFirstCallHasNoCursorAndTheNextAsksFromTheStoredOneWithTheApiKey() {
    ChangeFeedPoller poller = poller(Map.of());
    council.stubFor(feed().withQueryParam("since", absent()).willReturn(page("c-1", false, caseVersion("00817", 1, "OPEN"))));
    council.stubFor(feed().withQueryParam("since", equalTo("c-1")).willReturn(page("c-2", false)));

    assertThat(poller.pollIfDue()).isEqualTo(POLLED);
    clock.advance(Duration.ofSeconds(30));
    assertThat(poller.pollIfDue()).isEqualTo(POLLED);

    council.verify(1, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("since", absent())
        .withQueryParam("limit", equalTo("2")).withHeader("X-Api-Key", equalTo(API_KEY)));
    council.verify(1, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("since", equalTo("c-1"))
        .withHeader("X-Api-Key", equalTo(API_KEY)));
    assertThat(state.cursor(channel(Map.of()).routeId())).contains("c-2");
  }

  @Test
  void aFeedAnotherInstanceHasTheTurnToPollIsNotReadUntilTheTurnComesHere() {
    ChannelDefinition channel = channel(Map.of());
    AtomicBoolean ourTurn = new AtomicBoolean(false);
    ChangeFeedPoller poller = new ChangeFeedPoller(channel, new FeedClient(channel, HTTP, clock), state,
        channelId -> ourTurn.get(), MAPPINGS.mapper("council-asb-case"), intake, partner -> true, clock);
    council.stubFor(feed().willReturn(page("c-1", false, caseVersion("00817", 1, "OPEN"))));

    assertThat(poller.pollIfDue()).isEqualTo(ANOTHER_INSTANCE_POLLS);
    clock.advance(Duration.ofSeconds(29));
    assertThat(poller.pollIfDue()).as("asks again after the poll interval").isEqualTo(NOT_DUE);
    council.verify(0, getRequestedFor(urlPathEqualTo(PATH)));

    ourTurn.set(true);
    clock.advance(Duration.ofSeconds(1));
    assertThat(poller.pollIfDue()).isEqualTo(POLLED);
    council.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    assertThat(intake.accepted()).hasSize(1);
  }

  @Test
  void whoseTurnItIsUnknownBecauseTheDatabaseFailedIsNoPollNow() {
    ChannelDefinition channel = channel(Map.of());
    ChangeFeedPoller poller = new ChangeFeedPoller(channel, new FeedClient(channel, HTTP, clock), state,
        channelId -> {
          throw new IllegalStateException("database down");
        }, MAPPINGS.mapper("council-asb-case"), intake, partner -> true, clock);
    council.stubFor(feed().willReturn(page("c-1", false)));

    assertThat(poller.pollIfDue()).as("the gateway's fault: backs off like any other").isEqualTo(RETRY_LATER);
    council.verify(0, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void aPollIsNotDueBeforeThePollInterval() {
    ChangeFeedPoller poller = poller(Map.of());
    council.stubFor(feed().willReturn(page("c-1", false)));

    assertThat(poller.pollIfDue()).isEqualTo(POLLED);
    clock.advance(Duration.ofSeconds(29));
    assertThat(poller.pollIfDue()).isEqualTo(NOT_DUE);
    council.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void pagesAreFollowedWhileTheFeedSaysThereAreMoreAndEachIsSavedAfterItsItems() {
    ChangeFeedPoller poller = poller(Map.of());
    council.stubFor(feed().withQueryParam("since", absent()).willReturn(page("c-1", true, caseVersion("00817", 1, "OPEN"))));
    council.stubFor(feed().withQueryParam("since", equalTo("c-1")).willReturn(page("c-2", true, caseVersion("00818", 1, "OPEN"))));
    council.stubFor(feed().withQueryParam("since", equalTo("c-2")).willReturn(page("c-3", false)));

    assertThat(poller.pollIfDue()).isEqualTo(POLLED);

    assertThat(state.saved()).extracting(InMemoryFeedStateStore.SavedPage::nextCursor).containsExactly("c-1", "c-2", "c-3");
    assertThat(state.saved().get(0).versions()).isEqualTo(Map.of("ASB/2026/00817", 1L));
    assertThat(state.saved().get(1).versions()).isEqualTo(Map.of("ASB/2026/00818", 1L));
    assertThat(intake.accepted()).hasSize(2);
    assertThat(poller.pollIfDue()).isEqualTo(NOT_DUE);
  }

  @Test
  void morePagesThanOnePollTakesAreReadOnTheNextTick() {
    ChangeFeedPoller poller = poller(Map.of("max-pages-per-poll", "1"));
    council.stubFor(feed().withQueryParam("since", absent()).willReturn(page("c-1", true)));
    council.stubFor(feed().withQueryParam("since", equalTo("c-1")).willReturn(page("c-2", false)));

    assertThat(poller.pollIfDue()).isEqualTo(POLLED);
    assertThat(poller.pollIfDue()).isEqualTo(POLLED);
    assertThat(poller.pollIfDue()).isEqualTo(NOT_DUE);
    assertThat(state.cursor(channel(Map.of()).routeId())).contains("c-2");
  }

  /** council-asb-api.md: store the cursor only after the page's cases are safely accepted. */
  @Test
  void aPageTheGatewayCouldNotTakeWholeIsNotSavedAndIsReadAgainRepeatingWhatItHadTaken() {
    ChangeFeedPoller poller = poller(Map.of());
    council.stubFor(feed().withQueryParam("since", absent()).willReturn(page("c-1", false,
        caseVersion("00817", 1, "OPEN"), caseVersion("00818", 1, "OPEN"), caseVersion("00819", 1, "OPEN"))));
    intake.unavailableAfter(1);

    assertThat(poller.pollIfDue()).isEqualTo(RETRY_LATER);
    assertThat(state.saved()).isEmpty();
    assertThat(intake.accepted()).hasSize(1);

    intake.available();
    clock.advance(Duration.ofSeconds(1));
    assertThat(poller.pollIfDue()).isEqualTo(POLLED);

    council.verify(2, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("since", absent()));
    List<String> ids = intake.accepted().stream().map(FakeIntake.Submission::bundleId).toList();
    assertThat(ids).hasSize(4);
    assertThat(ids.get(1)).isEqualTo(ids.get(0));
    assertThat(intake.accepted()).extracting(submission -> event(submission.json()))
        .containsOnly("case-opened");
    assertThat(state.saved()).singleElement().satisfies(saved -> {
      assertThat(saved.nextCursor()).isEqualTo("c-1");
      assertThat(saved.versions()).containsOnlyKeys("ASB/2026/00817", "ASB/2026/00818", "ASB/2026/00819");
    });
  }

  @Test
  void itemVersionsDecideOpenedUpdatedAndClosedAndARepeatedVersionGivesNothing() {
    ChangeFeedPoller poller = poller(Map.of());
    council.stubFor(feed().withQueryParam("since", absent()).willReturn(page("c-1", true,
        caseVersion("00817", 1, "OPEN"), caseVersion("00817", 1, "OPEN"))));
    council.stubFor(feed().withQueryParam("since", equalTo("c-1")).willReturn(page("c-2", true,
        caseVersion("00817", 2, "ON_HOLD"), caseVersion("00830", 5, "CLOSED"))));
    council.stubFor(feed().withQueryParam("since", equalTo("c-2")).willReturn(page("c-3", false,
        caseVersion("00817", 2, "ON_HOLD"), caseVersion("00817", 3, "CLOSED"))));

    assertThat(poller.pollIfDue()).isEqualTo(POLLED);

    assertThat(intake.accepted()).extracting(submission -> event(submission.json()))
        .containsExactly("case-opened", "case-updated", "case-closed", "case-closed");
    assertThat(state.lastVersion(channel(Map.of()).routeId(), "ASB/2026/00817")).hasValue(3);
    assertThat(state.lastVersion(channel(Map.of()).routeId(), "ASB/2026/00830")).hasValue(5);
  }

  @Test
  void anItemTheMappingRefusesIsSkippedAndTheRestOfThePageGoesThrough() {
    ChangeFeedPoller poller = poller(Map.of());
    JsonNode badParty = json(Fixtures.mappingFixtureText("council-asb-case", "bad-party", "case.json"));
    council.stubFor(feed().willReturn(page("c-1", false, badParty, caseVersion("00817", 1, "OPEN"))));

    assertThat(poller.pollIfDue()).isEqualTo(POLLED);

    assertThat(intake.accepted()).hasSize(1);
    assertThat(state.saved()).singleElement().satisfies(saved ->
        assertThat(saved.versions()).isEqualTo(Map.of("ASB/2026/00817", 1L)));
  }

  @Test
  void rateLimitedWithRetryAfterTheNextPollIsDueOnlyThen() {
    ChangeFeedPoller poller = poller(Map.of());
    council.stubFor(feed().willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

    assertThat(poller.pollIfDue()).isEqualTo(RETRY_LATER);
    clock.advance(Duration.ofMillis(6_999));
    assertThat(poller.pollIfDue()).isEqualTo(NOT_DUE);
    council.verify(1, getRequestedFor(urlPathEqualTo(PATH)));

    council.stubFor(feed().willReturn(page("c-1", false)));
    clock.advance(Duration.ofMillis(1));
    assertThat(poller.pollIfDue()).isEqualTo(POLLED);
  }

  /** The waits are drawn in [b/2, b], [b, 2b], [2b, 4b] for retry-backoff b: each at least the last. */
  @Test
  void serverErrorsAndTimeoutsBackOffLongerEachTime() {
    ChangeFeedPoller poller = poller(Map.of("retry-backoff", "1s", "timeout", "200ms"));
    council.stubFor(feed().willReturn(aResponse().withStatus(503)));

    assertThat(poller.pollIfDue()).isEqualTo(RETRY_LATER);
    clock.advance(Duration.ofSeconds(1));
    council.stubFor(feed().willReturn(page("c-1", false).withFixedDelay(1_000)));
    assertThat(poller.pollIfDue()).isEqualTo(RETRY_LATER);

    clock.advance(Duration.ofMillis(999));
    assertThat(poller.pollIfDue()).isEqualTo(NOT_DUE);
    clock.advance(Duration.ofMillis(1_001));
    council.stubFor(feed().willReturn(aResponse().withStatus(500)));
    assertThat(poller.pollIfDue()).isEqualTo(RETRY_LATER);

    clock.advance(Duration.ofMillis(1_999));
    assertThat(poller.pollIfDue()).isEqualTo(NOT_DUE);
    clock.advance(Duration.ofMillis(2_001));
    council.stubFor(feed().willReturn(page("c-1", false)));
    assertThat(poller.pollIfDue()).isEqualTo(POLLED);
    council.verify(4, getRequestedFor(urlPathEqualTo(PATH)));
  }

  /**
   * The gateway's own store failing (its database down) is no reason to read the partner's feed on
   * every one-second tick, re-submitting the page each time: it backs off like a transient failure.
   */
  @Test
  void aFeedStateStoreThatCannotSaveBacksOffInsteadOfRereadingTheFeedEveryTick() {
    FeedStateStore failing = new FeedStateStore() {
      @Override
      public java.util.Optional<String> cursor(String channelId) {
        return state.cursor(channelId);
      }

      @Override
      public java.util.OptionalLong lastVersion(String channelId, String itemKey) {
        return state.lastVersion(channelId, itemKey);
      }

      @Override
      public void savePage(String channelId, String nextCursor, Map<String, Long> versions) {
        throw new IllegalStateException("database unavailable (test)");
      }
    };
    ChannelDefinition channel = channel(Map.of("retry-backoff", "1s"));
    ChangeFeedPoller poller = new ChangeFeedPoller(channel, new FeedClient(channel, HTTP, clock), failing,
        MAPPINGS.mapper("council-asb-case"), intake, partner -> true, clock);
    council.stubFor(feed().willReturn(page("c-1", false, caseVersion("00817", 1, "OPEN"))));

    assertThat(poller.pollIfDue()).isEqualTo(RETRY_LATER);
    assertThat(poller.pollIfDue()).isEqualTo(NOT_DUE);
    council.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    assertThat(intake.attempts()).hasSize(1);
  }

  @Test
  void aRefusedApiKeyIsPermanentAndRetriedOnlySlowly() {
    ChangeFeedPoller poller = poller(Map.of("max-backoff", "5m"));
    council.stubFor(feed().willReturn(aResponse().withStatus(401)));

    assertThat(poller.pollIfDue()).isEqualTo(REFUSED);
    clock.advance(Duration.ofMinutes(5).minusMillis(1));
    assertThat(poller.pollIfDue()).isEqualTo(NOT_DUE);
    clock.advance(Duration.ofMillis(1));
    assertThat(poller.pollIfDue()).isEqualTo(REFUSED);
    council.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    assertThat(state.saved()).isEmpty();
  }

  @Test
  void aPartnerThatIsNotActiveIsNotPolledAtAll() {
    gate = partner -> false;
    ChangeFeedPoller poller = poller(Map.of());
    council.stubFor(feed().willReturn(page("c-1", false, caseVersion("00817", 1, "OPEN"))));

    assertThat(poller.pollIfDue()).isEqualTo(PARTNER_NOT_ACTIVE);
    council.verify(0, anyRequestedFor(anyUrl()));
    assertThat(intake.attempts()).isEmpty();
  }

  @Test
  void aBodyThatIsNotJsonIsAPermanentFailure() {
    FeedClient client = new FeedClient(channel(Map.of()), HTTP, clock);
    council.stubFor(feed().willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));

    assertThat(catchFeedException(() -> client.fetch(java.util.Optional.empty()))).satisfies(e -> {
      assertThat(e.isTransient()).isFalse();
      assertThat(e.getMessage()).contains("not a feed page").contains("not JSON");
    });
  }

  @Test
  void aPageWithoutItsCursorIsAPermanentFailureAndNothingIsSaved() {
    ChangeFeedPoller poller = poller(Map.of());
    council.stubFor(feed().willReturn(okJson("{\"changes\": [], \"hasMore\": false}")));

    assertThat(poller.pollIfDue()).isEqualTo(REFUSED);
    assertThat(state.saved()).isEmpty();
  }

  @Test
  void serverErrorsTimeoutsAndRefusedConnectionsAreTransientAndA400IsNot() {
    FeedClient client = new FeedClient(channel(Map.of("timeout", "200ms")), HTTP, clock);

    council.stubFor(feed().willReturn(aResponse().withStatus(502)));
    assertThat(catchFeedException(() -> client.fetch(java.util.Optional.empty())).isTransient()).isTrue();

    council.stubFor(feed().willReturn(page("c-1", false).withFixedDelay(1_000)));
    FeedException timedOut = catchFeedException(() -> client.fetch(java.util.Optional.empty()));
    assertThat(timedOut.isTransient()).isTrue();
    assertThat(timedOut.getMessage()).contains("did not answer within");

    council.stubFor(feed().willReturn(aResponse().withStatus(400)));
    assertThat(catchFeedException(() -> client.fetch(java.util.Optional.of("c-9"))).isTransient()).isFalse();

    FeedClient nowhere = new FeedClient(channelAt("http://127.0.0.1:" + freePort() + PATH, Map.of()), HTTP, clock);
    FeedException refused = catchFeedException(() -> nowhere.fetch(java.util.Optional.empty()));
    assertThat(refused.isTransient()).isTrue();
    assertThat(refused.getMessage()).contains("Could not reach");
  }

  // --- the channel, its feed pages and cases

  private ChannelDefinition channel(Map<String, String> extra) {
    return channelAt(council.baseUrl() + PATH, extra);
  }

  private static ChannelDefinition channelAt(String url, Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>(Map.of("type", "rest-change-feed", "url", url, "api-key", API_KEY,
        "mapping", "council-asb-case", "page-size", "2", "poll-interval", "30s"));
    settings.putAll(extra);
    return new ChannelDefinition("northshire-council", Direction.IN, settings);
  }

  private ChangeFeedPoller poller(Map<String, String> extra) {
    ChannelDefinition channel = channel(extra);
    return new ChangeFeedPoller(channel, new FeedClient(channel, HTTP, clock), state,
        MAPPINGS.mapper("council-asb-case"), intake, partner -> gate.mayExchange(partner), clock);
  }

  private static MappingBuilder feed() {
    return get(urlPathEqualTo(PATH));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder page(String cursor, boolean more,
      JsonNode... cases) {
    ObjectNode page = JSON.createObjectNode();
    ArrayNode changes = page.putArray("changes");
    List.of(cases).forEach(changes::add);
    page.put("nextCursor", cursor);
    page.put("hasMore", more);
    return okJson(page.toString());
  }

  /** The council's sample case as case {@code ASB/2026/<number>} at a version and status. */
  private static JsonNode caseVersion(String number, int version, String status) {
    ObjectNode item = (ObjectNode) json(Fixtures.mappingFixtureText("council-asb-case", "case-updated-sample-00817",
        "case.json"));
    item.put("caseNumber", "ASB/2026/" + number);
    item.put("version", version);
    item.put("status", status);
    if ("CLOSED".equals(status)) {
      item.put("closedOn", "2026-11-20");
    }
    return item;
  }

  private static String event(String bundleJson) {
    return StreamSupport.stream(json(bundleJson).path("entry").spliterator(), false)
        .map(entry -> entry.path("resource"))
        .filter(resource -> "MessageHeader".equals(resource.path("resourceType").asText()))
        .map(header -> header.path("eventCoding").path("code").asText())
        .findFirst().orElseThrow();
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FeedException catchFeedException(Runnable call) {
    try {
      call.run();
    } catch (FeedException e) {
      return e;
    }
    throw new AssertionError("expected a FeedException");
  }

  private static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
