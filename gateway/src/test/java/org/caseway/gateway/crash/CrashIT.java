package org.caseway.gateway.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.caseway.gateway.support.EmbeddedGatewayProperties;
import org.caseway.gateway.support.FreePorts;
import org.caseway.gateway.support.GatewayClient;
import org.caseway.northshire.simulators.DropFolders;
import org.caseway.northshire.simulators.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The gateway, on its embedded default's H2 file database, as a separate process killed with
 * SIGKILL at random moments while messages pour in through three channels: the police file drop,
 * the council's change feed and {@code $process-message}. It is started again after each kill, on
 * the same data. Afterwards every partner system's received messages are held against the
 * gateway's own record of disclosures (see {@link ReceivedDeliveries}): nothing accepted is lost,
 * nothing not accepted is delivered, one person's messages arrive in the order accepted, and
 * duplicates (expected: at least once) are counted and printed, each leaving exactly one after
 * deduplication by its stable id.
 *
 * <p>The broker and the partner systems live in this JVM, so that they outlive the gateway; the
 * gateway reaches them as it would real ones ({@code caseway.kafka.bootstrap-servers},
 * {@code caseway.northshire.*}). The claim leases keep their defaults: a file or a delivery in
 * flight at a kill is taken again as soon as the gateway is back, or the drain would not end in time.
 */
class CrashIT {

  // The file drop and the feed take their rows one after another; $process-message takes calls in
  // parallel: most of the load goes there, so that the 5,000 messages fit the test's time.
  static final int HTTP_MESSAGES = 3_360;
  static final int HTTP_SENDERS = 3;
  static final int HTTP_BROKEN_EVERY = 300;
  static final int POLICE_FILES = 12;
  static final int INCIDENTS_PER_FILE = 80;
  static final int COUNCIL_CASES = 600;
  static final int KILLS = 3;
  private static final Duration DRAIN = Duration.ofMinutes(5);
  private static final Path DATA_DIR = EmbeddedGatewayProperties.freshDataDir("crash");

  private static PartnerSystems partners;
  private static GatewayProcess gateway;
  private static ProcessMessageFeeder trust;
  private static JournalWatch journal;
  private static GatewayProgress progress;

  @AfterAll
  static void stopEverything() {
    closeQuietly(trust);
    closeQuietly(gateway);
    closeQuietly(journal);
    closeQuietly(progress);
    closeQuietly(partners);
  }

  @Test
  void nothingAcceptedIsLostAndNothingElseDeliveredWhenTheGatewayIsKilledAgainAndAgain() throws Exception {
    Instant began = Instant.now();
    long seed = System.nanoTime();
    Random random = new Random(seed);
    partners = PartnerSystems.start(DATA_DIR);
    Path drops = DATA_DIR.resolve("drop");
    gateway = new GatewayProcess("crash-gateway", FreePorts.next(), DATA_DIR.resolve("logs"), properties(drops));
    trust = new ProcessMessageFeeder(List.of(gateway.port()), HTTP_MESSAGES, HTTP_BROKEN_EVERY, HTTP_SENDERS);
    PoliceExports police = new PoliceExports(drops.resolve("police"), INCIDENTS_PER_FILE, seed);
    CouncilCases council = new CouncilCases(partners.council, seed);
    progress = new GatewayProgress(partners.kafka.bootstrapServers());

    List<Duration> starts = new ArrayList<>();
    starts.add(gateway.start());
    journal = new JournalWatch(partners.kafka.bootstrapServers(), GatewayProgress.JOURNAL);
    trust.up(gateway.port());
    linkIdentities(drops);
    trust.start();

    int kills = 0;
    List<Integer> killedAt = new ArrayList<>();
    for (int phase = 0; phase <= KILLS; phase++) {
      feedFilesAndCases(police, council, phase);
      if (phase == KILLS) {
        break;
      }
      int share = HTTP_MESSAGES / (KILLS + 1);
      int killAt = phase * share + share / 2 + random.nextInt(share / 2);
      await("the trust's " + killAt + "th message acknowledged").atMost(Duration.ofMinutes(4))
          .until(() -> trust.acceptedCount() >= killAt || trust.finished());
      trust.down(gateway.port());
      gateway.kill();
      kills++;
      killedAt.add(trust.acceptedCount());
      starts.add(gateway.start());
      trust.up(gateway.port());
    }
    Instant lastRestart = Instant.now();
    council.publishRemainingUpdates();
    String dsm = new GatewayClient(gateway.port()).token("northshire-data-sharing-manager");
    await("everything fed taken in, dispatched and delivered").atMost(DRAIN).pollInterval(Duration.ofSeconds(2))
        .conditionEvaluationListener(condition -> report(condition.getElapsedTimeInMS(), police, council, dsm))
        .until(() -> trust.finished() && police.waiting() == 0
            && journal.messagesFrom("northshire-council") >= council.versionsPublished()
            && progress.dispatchLag() == 0 && GatewayProgress.pendingDeliveries(gateway.port(), dsm) == 0);
    Duration drain = Duration.between(lastRestart, Instant.now());
    gateway.stop();

    GatewayRecord record = GatewayRecord.read(h2(DATA_DIR));
    Map<String, JournalWatch.Journaled> journaled = journal.snapshot();
    ReceivedDeliveries received = new ReceivedDeliveries(record, journaled).check(partners);
    Duration took = Duration.between(began, Instant.now());

    int fed = HTTP_MESSAGES + police.validRefs().size() + police.refusedRefs().size() + council.versionsPublished()
        + council.refusedCaseNumbers().size();
    int accepted = record.accepted.size();
    System.out.printf("%nCrashIT (seed %d): %d messages fed (%d by $process-message, %d police incidents in %d files,"
            + " %d council case versions; %d of them meant to be refused), %d accepted; %d kills (SIGKILL, after %s of"
            + " the trust's messages were acknowledged), gateway starts took %s; %d sends in doubt sent again;"
            + " %d disclosures recorded, %d received (after deduplication), lost %d, duplicates before deduplication"
            + " %d; drained %ss after the last restart; outbox %s; whole test %ss%n",
        seed, fed, HTTP_MESSAGES, police.validRefs().size() + police.refusedRefs().size(), police.filesDropped(),
        council.versionsPublished() + council.refusedCaseNumbers().size(),
        trust.refused().size() + police.refusedRefs().size() + council.refusedCaseNumbers().size(), accepted, kills,
        killedAt, starts.stream().map(Duration::toSeconds).toList(), trust.inDoubt(), record.disclosed.size(),
        received.received(), received.lost(), received.duplicates(), drain.toSeconds(), record.deliveriesByState,
        took.toSeconds());
    List<String> reread = rereadFiles(gateway);
    System.out.printf("  exports in flight at a kill, taken again after the restart: %s%n", reread);
    received.accounts().values().forEach(a -> System.out.printf("  %-22s expected %5d received %5d duplicates %4d"
        + " lost %d unexpected %d out of order %d%n", a.recipient(), a.expected(), a.received(), a.duplicates(),
        a.lost(), a.unexpected(), a.outOfOrder()));

    assertThat(kills).isGreaterThanOrEqualTo(3);
    assertThat(gateway.errorsWhileStopping()).as("errors while the gateway stopped on SIGTERM: its database must be"
        + " closed after the routes and workers that use it").isEmpty();
    assertThat(trust.wronglyRefused()).as("good messages refused").isEmpty();
    assertThat(trust.wronglyAccepted()).as("broken messages acknowledged").isEmpty();
    assertThat(record.accepted).as("every acknowledged message is in the gateway's record of accepted messages")
        .containsAll(trust.accepted());
    assertThat(record.acceptedFrom(ProcessMessageFeeder.TRUST)).as("the trust's accepted messages")
        .isEqualTo(trust.accepted().size());
    assertThat(record.acceptedFrom("northshire-police")).as("one accepted message per good incident, none doubled")
        .isEqualTo(police.validRefs().size());
    assertThat(record.acceptedFrom("northshire-council")).as("one accepted message per case version, none doubled")
        .isEqualTo(council.versionsPublished());
    assertThat(police.in("done")).as("every export without a bad row is done").hasSize(police.filesDropped() - 1);
    assertThat(police.in("error")).as("the export with a bad row is set aside").hasSize(1);
    assertNothingRefusedWentAnywhere(record, journaled, police, council);
    assertThat(journaled.keySet()).as("every accepted message is on the journal").containsAll(record.accepted);
    assertThat(record.accepted).as("nothing on the journal that was not accepted").containsAll(journaled.keySet());
    assertThat(record.recordedMessages).as("every accepted message was dispatched: its disclosures and withholdings"
        + " are in the record").containsAll(record.accepted);
    assertThat(record.accepted).as("nothing recorded (so nothing delivered) that was not accepted")
        .containsAll(record.recordedMessages);
    assertThat(record.poisonMessages).as("poison messages").isZero();
    assertThat(record.deliveriesByState.keySet()).as("every delivery delivered: none pending, none dead")
        .containsOnly("DELIVERED");
    assertThat(received.problems()).as("what the partner systems received, against the record").isEmpty();
    assertThat(received.lost()).isZero();
    for (String recipient : List.of(ReceivedDeliveries.POLICE, ReceivedDeliveries.COUNCIL, ReceivedDeliveries.HOUSING,
        ReceivedDeliveries.PROBATION, ReceivedDeliveries.TRUST)) {
      assertThat(received.accounts().get(recipient).received()).as(recipient + " got a share").isPositive();
    }
  }

  /** The file drop's report of each export taken again after a kill (its rows before the kill repeat). */
  private static List<String> rereadFiles(GatewayProcess gateway) throws java.io.IOException {
    List<String> reread = new ArrayList<>();
    for (Path log : gateway.logs()) {
      for (String line : java.nio.file.Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
        if (line.contains("file ASB_EXPORT_") && !line.contains(" 0 repeats")) {
          reread.add(line.substring(line.indexOf("ASB_EXPORT_")));
        }
      }
    }
    return reread;
  }

  private static long reported;

  /** Every 15 s of the drain, how far each stage has got (for tuning the test's size to its time). */
  private static void report(long elapsedMillis, PoliceExports police, CouncilCases council, String dsm) {
    if (elapsedMillis - reported < 15_000) {
      return;
    }
    reported = elapsedMillis;
    try {
      System.out.printf("CrashIT draining, %ds: trust %d/%d acknowledged, %d exports waiting, council %d/%d journaled,"
              + " journal %d messages, dispatch lag %d, deliveries pending %d%n", elapsedMillis / 1000,
          trust.acceptedCount(), HTTP_MESSAGES, police.waiting(), journal.messagesFrom("northshire-council"),
          council.versionsPublished(), journal.messages(), progress.dispatchLag(),
          GatewayProgress.pendingDeliveries(gateway.port(), dsm));
    } catch (java.io.IOException e) {
      System.out.println("CrashIT draining: " + e);
    }
  }

  /** What was refused at the door (broken messages, a bad row, a bad case) reached no one. */
  private static void assertNothingRefusedWentAnywhere(GatewayRecord record, Map<String, JournalWatch.Journaled> journaled,
      PoliceExports police, CouncilCases council) {
    assertThat(record.accepted).as("broken messages accepted").doesNotContainAnyElementsOf(trust.refused());
    assertThat(journaled.keySet()).as("broken messages journaled").doesNotContainAnyElementsOf(trust.refused());
    List<String> references = journaled.values().stream().map(JournalWatch.Journaled::reference).toList();
    assertThat(references).as("the refused incident and case were journaled")
        .doesNotContainAnyElementsOf(police.refusedRefs()).doesNotContainAnyElementsOf(council.refusedCaseNumbers());
    assertThat(partners.council.notifications()).extracting(n -> n.path("sourceReference").asText())
        .as("the council received a refused incident").doesNotContainAnyElementsOf(police.refusedRefs());
  }

  /** Housing's tenancy roll and probation's IOM cohort, so that housing and probation have a share. */
  private static void linkIdentities(Path drops) {
    DropFolders.drop(drops.resolve("housing"), Samples.TENANCY_ROLL, Samples.bytes(Samples.TENANCY_ROLL));
    GatewayClient client = new GatewayClient(gateway.port());
    assertThat(client.processMessage(client.token("northshire-probation"), Samples.iomCohortChanged()).statusCode())
        .as("probation's cohort message").isEqualTo(200);
    await("the tenancy roll taken in").atMost(Duration.ofMinutes(1))
        .until(() -> java.nio.file.Files.exists(drops.resolve("housing").resolve("done").resolve(Samples.TENANCY_ROLL)));
  }

  /** A quarter of the exports and cases per phase; the last file of the first phase has a bad row. */
  private static void feedFilesAndCases(PoliceExports police, CouncilCases council, int phase) {
    int files = POLICE_FILES / (KILLS + 1);
    for (int f = 0; f < files; f++) {
      police.dropNext(phase == 0 && f == files - 1);
    }
    council.publish(COUNCIL_CASES / (KILLS + 1));
    if (phase == 1) {
      council.publishRefused();
    }
  }

  private static Map<String, String> properties(Path drops) {
    Map<String, String> properties = new LinkedHashMap<>(partners.gatewayProperties(drops));
    properties.put("caseway.data-dir", DATA_DIR.toString());
    // The claim leases keep their defaults (2 and 10 minutes): on the H2 file database the restarted
    // gateway releases what its killed predecessor held (store.ClaimsOfAPreviousLife) at once.
    properties.put("caseway.delivery.retry-backoff", "200ms");
    properties.put("caseway.delivery.max-backoff", "5s");
    properties.put("caseway.delivery.breaker-open-for", "1s");
    return properties;
  }

  static DriverManagerDataSource h2(Path dataDir) {
    return new DriverManagerDataSource("jdbc:h2:file:" + dataDir.resolve("db").resolve("caseway")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;IFEXISTS=TRUE", "sa", "");
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      System.err.println("Closing " + closeable + " failed: " + e);
    }
  }
}
