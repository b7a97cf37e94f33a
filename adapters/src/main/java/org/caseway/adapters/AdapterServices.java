package org.caseway.adapters;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.caseway.adapters.feed.FeedStateStore;
import org.caseway.adapters.feed.FeedTurns;
import org.caseway.adapters.intake.MessageIntake;
import org.caseway.adapters.intake.PartnerGate;
import org.caseway.adapters.intake.RecordFeed;
import org.apache.camel.spi.IdempotentRepository;
import org.caseway.mappings.Mappings;

/**
 * What the channel routes need from their host (the gateway): the mapping catalogue, the accept
 * path, the record feeds by name, durable feed state, the partner gate, one shared HTTP client, a
 * clock, and the Kafka brokers.
 *
 * @param kafkaBrokers the bootstrap servers for Kafka channels
 * @param kafkaOptions extra Camel Kafka endpoint options for every Kafka channel (security:
 *     {@code securityProtocol}, {@code saslMechanism}, ...), already URI-safe
 * @param fileClaims where drop-folder files are claimed, shared by every gateway instance on the
 *     same folders (a database); empty: the marker-file lock, for a single instance
 * @param feedTurns which of the gateway instances polls each change feed
 */
public record AdapterServices(
    Mappings mappings,
    MessageIntake intake,
    Map<String, RecordFeed> feeds,
    FeedStateStore feedState,
    PartnerGate gate,
    HttpClient http,
    Clock clock,
    String kafkaBrokers,
    Map<String, String> kafkaOptions,
    Optional<IdempotentRepository> fileClaims,
    FeedTurns feedTurns) {

  /** The registry name the drop folders' read lock finds {@link #fileClaims} under. */
  public static final String FILE_CLAIMS_BEAN = "casewayFileClaims";

  public AdapterServices {
    Objects.requireNonNull(mappings, "mappings");
    Objects.requireNonNull(intake, "intake");
    feeds = Map.copyOf(feeds);
    Objects.requireNonNull(feedState, "feedState");
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(kafkaBrokers, "kafkaBrokers");
    kafkaOptions = Map.copyOf(kafkaOptions);
    Objects.requireNonNull(fileClaims, "fileClaims");
    Objects.requireNonNull(feedTurns, "feedTurns");
  }

  /** Services for a single instance: drop folders locked with marker files, every feed polled. */
  public AdapterServices(Mappings mappings, MessageIntake intake, Map<String, RecordFeed> feeds,
      FeedStateStore feedState, PartnerGate gate, HttpClient http, Clock clock, String kafkaBrokers,
      Map<String, String> kafkaOptions) {
    this(mappings, intake, feeds, feedState, gate, http, clock, kafkaBrokers, kafkaOptions, Optional.empty(),
        FeedTurns.SINGLE_INSTANCE);
  }

  /** The record feed a file-drop channel's {@code feeds} setting names, or empty for messages. */
  public Optional<RecordFeed> feedFor(ChannelDefinition channel) {
    Optional<String> name = channel.optional("feeds");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    RecordFeed feed = feeds.get(name.get());
    if (feed == null) {
      throw channel.problem("feeds", "names '" + name.get() + "', which is none of " + feeds.keySet());
    }
    return Optional.of(feed);
  }
}
