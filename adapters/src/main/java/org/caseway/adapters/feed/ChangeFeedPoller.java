package org.caseway.adapters.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.caseway.adapters.ChannelDefinition;
import org.caseway.adapters.intake.IntakeReceipt;
import org.caseway.adapters.intake.IntakeRefusedException;
import org.caseway.adapters.intake.IntakeUnavailableException;
import org.caseway.adapters.intake.MessageIntake;
import org.caseway.adapters.intake.PartnerGate;
import org.caseway.mappings.Mapper;
import org.caseway.mappings.MappingException;
import org.caseway.mappings.MappingInput;
import org.caseway.mappings.MappingOutput;
import org.caseway.mappings.MappingResult;
import org.caseway.mappings.council.CaseEvent;
import org.caseway.mappings.council.CaseEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one partner's change feed: reads pages from the stored cursor while the partner says there
 * are more, turns each new item version into a canonical message (its event decided by
 * {@link CaseEvents}), hands the messages to the accept path, and stores the page's cursor and
 * versions only once the whole page is taken (council-asb-api.md).
 *
 * <p>Called by a timer every tick; a tick before the next poll is due does nothing. The next poll is
 * due after {@code poll-interval} (default 30s) when all is well, after the partner's
 * {@code Retry-After} on 429 or 503, after an exponential backoff with jitter (from
 * {@code retry-backoff}, default 1s, up to {@code max-backoff}, default 5m) on other transient
 * failures, and straight away when more pages are waiting. A partner that may not exchange messages
 * is not polled, and neither is a feed another gateway instance holds the turn to poll
 * ({@link FeedTurns}). An item that breaks the mapping or is refused by the accept path is logged (by its
 * key, never its content) and skipped: the rest of the page still goes through.
 *
 * <p>Settings besides {@link FeedClient}'s: {@code mapping} (required), {@code item-key}
 * ({@code caseNumber}), {@code item-version} ({@code version}), {@code item-status}
 * ({@code status}), {@code max-pages-per-poll} (20). Not thread-safe: one timer calls it.
 */
public class ChangeFeedPoller implements Processor {

  private static final Logger log = LoggerFactory.getLogger(ChangeFeedPoller.class);

  private final ChannelDefinition channel;
  private final FeedClient client;
  private final FeedStateStore state;
  private final FeedTurns turns;
  private final Mapper mapper;
  private final MessageIntake intake;
  private final PartnerGate gate;
  private final Clock clock;
  private final Duration interval;
  private final Duration backoff;
  private final Duration maxBackoff;
  private final int maxPages;
  private Instant nextPoll = Instant.MIN;
  private int failures;

  /** A poller for a gateway that runs alone: every poll is its turn. */
  public ChangeFeedPoller(ChannelDefinition channel, FeedClient client, FeedStateStore state, Mapper mapper,
      MessageIntake intake, PartnerGate gate, Clock clock) {
    this(channel, client, state, FeedTurns.SINGLE_INSTANCE, mapper, intake, gate, clock);
  }

  /** @param turns which of several gateway instances polls the feed: one at a time */
  public ChangeFeedPoller(ChannelDefinition channel, FeedClient client, FeedStateStore state, FeedTurns turns,
      Mapper mapper, MessageIntake intake, PartnerGate gate, Clock clock) {
    this.channel = channel;
    this.client = client;
    this.state = state;
    this.turns = turns;
    this.mapper = mapper;
    this.intake = intake;
    this.gate = gate;
    this.clock = clock;
    this.interval = channel.duration("poll-interval", Duration.ofSeconds(30));
    this.backoff = channel.duration("retry-backoff", Duration.ofSeconds(1));
    this.maxBackoff = channel.duration("max-backoff", Duration.ofMinutes(5));
    this.maxPages = channel.positiveInteger("max-pages-per-poll", 20);
  }

  @Override
  public void process(Exchange tick) {
    pollIfDue();
  }

  /** One tick: polls if a poll is due. Returns what it did, for tests and logs. */
  public PollOutcome pollIfDue() {
    Instant now = clock.instant();
    if (now.isBefore(nextPoll)) {
      return PollOutcome.NOT_DUE;
    }
    if (!gate.mayExchange(channel.partnerId())) {
      nextPoll = now.plus(interval);
      return PollOutcome.PARTNER_NOT_ACTIVE;
    }
    try {
      if (!turns.mayPoll(channel.routeId())) {
        nextPoll = now.plus(interval);
        return PollOutcome.ANOTHER_INSTANCE_POLLS;
      }
      boolean more = readPages();
      failures = 0;
      nextPoll = more ? now : now.plus(interval);
      return PollOutcome.POLLED;
    } catch (FeedException e) {
      return failed(now, e);
    } catch (IntakeUnavailableException e) {
      // The page is not saved: it is read again, and what was accepted of it repeats harmlessly.
      return failed(now, new FeedException(true, "the gateway cannot take messages now (" + e.getMessage() + ")",
          Optional.empty(), e));
    } catch (RuntimeException e) {
      // The gateway's own fault (the feed state's or the turns' database, a mapping bug): the page is not saved
      // either, and backing off keeps the partner's feed from being re-read on every tick meanwhile.
      log.error("{}: polling {}'s change feed failed in the gateway", channel.routeId(), channel.partnerId(), e);
      return failed(now, new FeedException(true, "the gateway failed while taking the page in ("
          + e.getClass().getSimpleName() + ")", Optional.empty(), e));
    }
  }

  /** @return whether more pages were waiting when this poll stopped */
  private boolean readPages() {
    for (int page = 0; page < maxPages; page++) {
      FeedPage read = client.fetch(state.cursor(channel.routeId()));
      Map<String, Long> taken = takeItems(read);
      state.savePage(channel.routeId(), read.nextCursor(), taken);
      if (!read.hasMore()) {
        return false;
      }
    }
    return true;
  }

  private Map<String, Long> takeItems(FeedPage page) {
    Map<String, Long> taken = new HashMap<>();
    for (JsonNode item : page.items()) {
      String key = item.path(channel.optional("item-key", "caseNumber")).asText("");
      long version = item.path(channel.optional("item-version", "version")).asLong(-1);
      String status = item.path(channel.optional("item-status", "status")).asText("");
      OptionalLong seen = taken.containsKey(key) ? OptionalLong.of(taken.get(key)) : state.lastVersion(channel.routeId(), key);
      Optional<CaseEvent> event = key.isEmpty() || version < 0 ? Optional.empty() : CaseEvents.decide(status, version, seen);
      if (key.isEmpty() || version < 0) {
        log.error("{}: a change without a key or version was skipped; ask {} to check its feed", channel.routeId(),
            channel.partnerId());
      } else if (event.isPresent() && take(item, key, version, event.get())) {
        taken.merge(key, version, Math::max);
      }
    }
    return taken;
  }

  /** @return true when the item's message is on the journal (now or before) */
  private boolean take(JsonNode item, String key, long version, CaseEvent event) {
    String name = channel.partnerId() + " change " + key + " v" + version;
    MappingResult mapped;
    try {
      Map<String, String> parameters = new HashMap<>(channel.mappingParameters());
      parameters.put("event", event.code());
      parameters.put("received-at", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
      mapped = mapper.map(new MappingInput(name, item.toString().getBytes(StandardCharsets.UTF_8), parameters));
    } catch (MappingException e) {
      log.error("{}: {} was refused by mapping {}: {}", channel.routeId(), name, mapper.definition().id(), e.getMessage());
      return false;
    }
    mapped.errors().forEach(error -> log.error("{}: {} refused: {}", channel.routeId(), name, error.describe()));
    boolean allTaken = !mapped.hasErrors();
    for (MappingOutput message : mapped.outputs()) {
      allTaken &= submit(name, message);
    }
    return allTaken && !mapped.outputs().isEmpty();
  }

  private boolean submit(String name, MappingOutput message) {
    try {
      IntakeReceipt receipt = intake.submit(channel.partnerId(), message.content());
      log.info("{}: {} {} as message {}", channel.routeId(), name, receipt.repeat() ? "repeated" : "accepted",
          receipt.messageId());
      return true;
    } catch (IntakeRefusedException refused) {
      log.error("{}: {} refused by the gateway ({}): {}", channel.routeId(), name, refused.code(), refused.getMessage());
      return false;
    }
  }

  private PollOutcome failed(Instant now, FeedException e) {
    if (!e.isTransient()) {
      failures++;
      nextPoll = now.plus(max(interval, maxBackoff));
      log.error("{}: {}; polling again in {}", channel.routeId(), e.getMessage(), max(interval, maxBackoff));
      return PollOutcome.REFUSED;
    }
    failures++;
    Duration wait = e.retryAfter().orElseGet(this::backoffWithJitter);
    nextPoll = now.plus(wait);
    log.warn("{}: {}; trying again in {} (failure {})", channel.routeId(), e.getMessage(), wait, failures);
    return PollOutcome.RETRY_LATER;
  }

  private Duration backoffWithJitter() {
    long base = backoff.toMillis() << Math.min(failures - 1, 20);
    long capped = Math.min(base, maxBackoff.toMillis());
    return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** What one tick did. */
  public enum PollOutcome { NOT_DUE, PARTNER_NOT_ACTIVE, ANOTHER_INSTANCE_POLLS, POLLED, RETRY_LATER, REFUSED }
}
