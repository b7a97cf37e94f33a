package org.caseway.adapters.feed;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.caseway.adapters.ChannelDefinition;
import org.caseway.adapters.Direction;
import org.caseway.adapters.feed.ChangeFeedPoller.PollOutcome;
import org.caseway.adapters.support.FakeIntake;
import org.caseway.adapters.support.InMemoryFeedStateStore;
import org.caseway.mappings.Mapper;
import org.caseway.mappings.Mappings;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * The council's change feed (council-asb-api.md) answering 200 with any body at all: the page is
 * read, each change decided (opened, updated, closed) and mapped by the shipped
 * {@code council-asb-case} mapping, and the messages handed to the accept path. A body that is not
 * a page is refused ({@link PollOutcome#REFUSED}); a change that is not a case is refused alone and
 * the page still goes through ({@link PollOutcome#POLLED}). The gateway failing on the page (the
 * poller's catch-all, logged with the exception, and retried later) is a finding. Seeded with the
 * partnership's sample page and the mapping's fixtures, each as a page.
 */
class CouncilFeedFuzzTest {

  private static final int MAX_INPUT_BYTES = 64 * 1024;
  private static final Duration SLOW = Duration.ofSeconds(5);
  private static final String EMPTY_PAGE = "{\"changes\":[],\"nextCursor\":\"end\",\"hasMore\":false}";

  private static final Mapper COUNCIL = Mappings.onClasspath().mapper("council-asb-case");
  private static final ChannelDefinition CHANNEL = new ChannelDefinition("northshire-council", Direction.IN,
      Map.of("type", "rest-change-feed", "url", "http://council.invalid/api/v2/cases/changes",
          "mapping", "council-asb-case"));
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-03T10:00:00Z"), ZoneOffset.UTC);
  // Never called: the page comes from the fuzzer, not over HTTP.
  private static final HttpClient UNUSED = HttpClient.newHttpClient();
  private static final ListAppender<ILoggingEvent> POLLER_LOG = capturePollerLog();

  @FuzzTest(maxDuration = "10s")
  @Timeout(value = 60, unit = SECONDS)
  void takesAPageOrRefusesIt(byte[] body) {
    if (body.length > MAX_INPUT_BYTES) {
      return;
    }
    // As the feed client reads a body: UTF-8, a malformed byte replaced (HttpClient's ofString).
    String page = new String(body, StandardCharsets.UTF_8);
    ChangeFeedPoller poller = new ChangeFeedPoller(CHANNEL, new AnsweringWith(page), new InMemoryFeedStateStore(),
        COUNCIL, new FakeIntake(), partner -> true, CLOCK);
    POLLER_LOG.list.clear();

    long started = System.nanoTime();
    PollOutcome outcome = poller.pollIfDue();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time to take the page").isLessThan(SLOW);
    assertThat(outcome).as("the poll's outcome; the gateway's faults: %s", faults())
        .isIn(PollOutcome.POLLED, PollOutcome.REFUSED);
  }

  private static String faults() {
    return POLLER_LOG.list.stream().filter(event -> event.getThrowableProxy() != null)
        .map(event -> event.getThrowableProxy().getClassName() + ": " + event.getThrowableProxy().getMessage())
        .collect(Collectors.joining("; "));
  }

  /** The poller's log, kept here (and off the console, which would print a line per refused change). */
  private static ListAppender<ILoggingEvent> capturePollerLog() {
    Logger logger = (Logger) LoggerFactory.getLogger(ChangeFeedPoller.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    logger.setAdditive(false);
    logger.setLevel(Level.WARN);
    return appender;
  }

  /** The feed answering the fuzzed page first, then an empty last page (a page saying hasMore is read again). */
  private static final class AnsweringWith extends FeedClient {
    private final String first;
    private boolean answered;

    AnsweringWith(String first) {
      super(CHANNEL, UNUSED, CLOCK);
      this.first = first;
    }

    @Override
    public FeedPage fetch(Optional<String> cursor) {
      String body = answered ? EMPTY_PAGE : first;
      answered = true;
      return read(body);
    }
  }
}
