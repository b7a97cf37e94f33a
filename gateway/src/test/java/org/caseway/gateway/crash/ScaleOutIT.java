package org.caseway.gateway.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.caseway.gateway.support.EmbeddedGatewayProperties;
import org.caseway.gateway.support.FreePorts;
import org.caseway.gateway.support.GatewayClient;
import org.caseway.northshire.simulators.DropFolders;
import org.caseway.northshire.simulators.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two gateway processes on one Kafka broker and one PostgreSQL database (the machine's, at
 * 127.0.0.1:5432, in a schema of this test's own) share the work: both take {@code $process-message}
 * calls, both take files from one police drop folder and poll the council's feed, dispatch splits
 * the journal's partitions between them (one consumer group), and both deliver from the one outbox.
 * Midway one is killed with SIGKILL; the other carries on, takes over what the dead one held (its
 * partitions at once, its claims once their leases run out), and nothing accepted is lost. What
 * each instance did is printed; the partner systems' receipts are held against the record of
 * disclosures as in {@link CrashIT}.
 */
class ScaleOutIT {

  static final int HTTP_MESSAGES = 800;
  static final int POLICE_FILES = 4;
  static final int INCIDENTS_PER_FILE = 50;
  static final int COUNCIL_CASES = 160;
  /** Dispatch consumers in each instance (caseway.dispatch.consumers, the default). */
  static final int CONSUMERS_PER_INSTANCE = 2;
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String USER = "postgres";
  private static final String SCHEMA = "caseway_scale_" + UUID.randomUUID().toString().replace("-", "");
  private static final Path DATA_DIR = EmbeddedGatewayProperties.freshDataDir("scale-out");

  private static PartnerSystems partners;
  private static GatewayProcess first;
  private static GatewayProcess second;
  private static ProcessMessageFeeder trust;
  private static JournalWatch journal;
  private static GatewayProgress progress;

  @AfterAll
  static void stopEverything() throws SQLException {
    for (AutoCloseable closeable : new AutoCloseable[] {trust, first, second, journal, progress, partners}) {
      if (closeable != null) {
        try {
          closeable.close();
        } catch (Exception e) {
          System.err.println("Closing " + closeable + " failed: " + e);
        }
      }
    }
    try (Connection connection = DriverManager.getConnection(URL, USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
  }

  @Test
  void twoInstancesShareTheWorkAndWhenOneIsKilledTheOtherCarriesOnWithNothingLost() throws Exception {
    Instant began = Instant.now();
    long seed = System.nanoTime();
    Random random = new Random(seed);
    partners = PartnerSystems.start(DATA_DIR);
    Path drops = DATA_DIR.resolve("drop");
    first = new GatewayProcess("scale-a", FreePorts.next(), DATA_DIR.resolve("logs"), properties(drops, "a"));
    second = new GatewayProcess("scale-b", FreePorts.next(), DATA_DIR.resolve("logs"), properties(drops, "b"));
    trust = new ProcessMessageFeeder(List.of(first.port(), second.port()), HTTP_MESSAGES, 100, 2);
    PoliceExports police = new PoliceExports(drops.resolve("police"), INCIDENTS_PER_FILE, seed);
    CouncilCases council = new CouncilCases(partners.council, seed);
    progress = new GatewayProgress(partners.kafka.bootstrapServers());

    first.start();
    trust.up(first.port());
    journal = new JournalWatch(partners.kafka.bootstrapServers(), GatewayProgress.JOURNAL);
    second.start();
    trust.up(second.port());
    DropFolders.drop(drops.resolve("housing"), Samples.TENANCY_ROLL, Samples.bytes(Samples.TENANCY_ROLL));
    GatewayClient client = new GatewayClient(first.port());
    assertThat(client.processMessage(client.token("northshire-probation"), Samples.iomCohortChanged()).statusCode())
        .isEqualTo(200);
    trust.start();
    for (int f = 0; f < POLICE_FILES; f++) {
      police.dropNext(false);
    }
    council.publish(COUNCIL_CASES);

    // Each instance's consumers join dispatch's group; with 6 partitions for 4 members every member
    // holds some, so all 4 holding partitions means both instances share the journal.
    await("dispatch's partitions shared by both instances' consumers").atMost(Duration.ofMinutes(2))
        .until(() -> dispatchPartitionsByMember().size() == 2 * CONSUMERS_PER_INSTANCE);
    List<Integer> sharedPartitions = dispatchPartitionsByMember();
    int killAt = HTTP_MESSAGES / 3 + random.nextInt(HTTP_MESSAGES / 3);
    await("the trust's " + killAt + "th message acknowledged").atMost(Duration.ofMinutes(3))
        .until(() -> trust.acceptedCount() >= killAt);
    GatewayProcess victim = random.nextBoolean() ? first : second;
    GatewayProcess survivor = victim == first ? second : first;
    trust.down(victim.port());
    victim.kill();
    Instant killed = Instant.now();
    int acceptedBeforeKill = trust.acceptedCount();
    council.publishRemainingUpdates();

    String dsm = new GatewayClient(survivor.port()).token("northshire-data-sharing-manager");
    await("everything taken in, dispatched and delivered by the survivor").atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> trust.finished() && police.waiting() == 0
            && journal.messagesFrom("northshire-council") >= council.versionsPublished()
            && progress.dispatchLag() == 0 && GatewayProgress.pendingDeliveries(survivor.port(), dsm) == 0);
    Duration drain = Duration.between(killed, Instant.now());
    survivor.stop();

    DriverManagerDataSource database = new DriverManagerDataSource(URL + "?currentSchema=" + SCHEMA, USER, "");
    GatewayRecord record = GatewayRecord.read(database);
    ReceivedDeliveries received = new ReceivedDeliveries(record, journal.snapshot()).check(partners);
    Map<String, Integer> delivered = Map.of(first.name(), count(first, "Delivered ", ""), second.name(),
        count(second, "Delivered ", ""));
    Map<String, Integer> files = Map.of(first.name(), count(first, "file ASB_EXPORT_", "moved to done/"),
        second.name(), count(second, "file ASB_EXPORT_", "moved to done/"));
    System.out.printf("%nScaleOutIT (seed %d): %d messages fed (%d broken, refused), %d accepted (%s by %s, %s by"
            + " %s); dispatch's journal partitions per consumer %s; %s killed (SIGKILL) after %d of the trust's messages; deliveries made %s; files taken %s; lost %d, duplicates before"
            + " deduplication %d; survivor drained %ss after the kill; whole test %ss%n",
        seed, HTTP_MESSAGES + police.validRefs().size() + council.versionsPublished(), trust.refused().size(),
        record.accepted.size(),
        trust.acceptedBy(first.port()), first.name(), trust.acceptedBy(second.port()), second.name(), sharedPartitions,
        victim.name(),
        acceptedBeforeKill, delivered, files, received.lost(), received.duplicates(), drain.toSeconds(),
        Duration.between(began, Instant.now()).toSeconds());
    received.accounts().values().forEach(a -> System.out.printf("  %-22s expected %5d received %5d duplicates %4d"
        + " lost %d unexpected %d out of order %d%n", a.recipient(), a.expected(), a.received(), a.duplicates(),
        a.lost(), a.unexpected(), a.outOfOrder()));

    assertThat(trust.acceptedBy(first.port())).as("the first instance took messages").isPositive();
    assertThat(trust.acceptedBy(second.port())).as("the second instance took messages").isPositive();
    assertThat(delivered.values()).as("both instances delivered").allMatch(n -> n > 0);
    assertThat(trust.wronglyRefused()).isEmpty();
    assertThat(trust.wronglyAccepted()).isEmpty();
    assertThat(record.accepted).containsAll(trust.accepted()).doesNotContainAnyElementsOf(trust.refused());
    assertThat(record.acceptedFrom("northshire-police")).as("one message per incident, none doubled")
        .isEqualTo(police.validRefs().size());
    assertThat(record.acceptedFrom("northshire-council")).as("one message per case version, none doubled")
        .isEqualTo(council.versionsPublished());
    assertThat(police.in("done")).hasSize(POLICE_FILES);
    assertThat(record.recordedMessages).as("every accepted message dispatched").containsAll(record.accepted);
    assertThat(record.accepted).as("nothing recorded that was not accepted").containsAll(record.recordedMessages);
    assertThat(record.poisonMessages).isZero();
    assertThat(record.deliveriesByState.keySet()).as("every delivery delivered").containsOnly("DELIVERED");
    assertThat(received.problems()).isEmpty();
    assertThat(received.lost()).isZero();
  }

  /** How many journal partitions each member of dispatch's consumer group holds, for those that hold any. */
  private static List<Integer> dispatchPartitionsByMember() throws InterruptedException, ExecutionException {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", partners.kafka.bootstrapServers()))) {
      ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GatewayProgress.DISPATCH_GROUP))
          .all().get().get(GatewayProgress.DISPATCH_GROUP);
      return group.members().stream().map(MemberDescription::assignment).map(a -> a.topicPartitions().size())
          .filter(n -> n > 0).toList();
    }
  }

  /** Lines of the instance's logs that say both things. */
  private static int count(GatewayProcess gateway, String text, String andText) throws IOException {
    int n = 0;
    for (Path log : gateway.logs()) {
      n += (int) Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1).stream()
          .filter(l -> l.contains(text) && l.contains(andText)).count();
    }
    return n;
  }

  private static Map<String, String> properties(Path drops, String instance) {
    Map<String, String> properties = new LinkedHashMap<>(partners.gatewayProperties(drops));
    properties.put("caseway.data-dir", DATA_DIR.resolve(instance).toString());
    properties.put("spring.datasource.url", URL + "?currentSchema=" + SCHEMA);
    properties.put("spring.datasource.username", USER);
    properties.put("spring.datasource.password", "");
    properties.put("spring.flyway.schemas", SCHEMA);
    properties.put("caseway.dispatch.consumers", String.valueOf(CONSUMERS_PER_INSTANCE));
    properties.put("caseway.delivery.claim-lease", "35s");
    properties.put("caseway.channels.file-claim-lease", "30s");
    properties.put("caseway.delivery.retry-backoff", "200ms");
    properties.put("caseway.delivery.max-backoff", "5s");
    return properties;
  }
}
