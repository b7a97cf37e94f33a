package org.caseway.adapters.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.caseway.adapters.AdapterServices;
import org.caseway.adapters.ChannelDefinition;
import org.caseway.adapters.Direction;
import org.caseway.adapters.PartnerChannelRoutes;
import org.caseway.adapters.intake.PartnerGate;
import org.caseway.adapters.support.FakeIntake;
import org.caseway.adapters.support.Fixtures;
import org.caseway.adapters.support.InMemoryFeedStateStore;
import org.caseway.adapters.support.RecordingFeed;
import org.caseway.mappings.MappingInput;
import org.caseway.mappings.MappingOutput;
import org.caseway.mappings.Mappings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code file-drop} channel as the gateway runs it: the route template in a real Camel context,
 * polling a real folder, with a fake accept path. Each test waits for the file to arrive where it
 * should ({@code done/}, {@code error/}), or for the intake to be called.
 */
@Tag("integration")
class FileDropChannelIT {

  private static final String POLICE = "northshire-police";
  private static final String HOMES = "northshire-homes";
  private static final String SAMPLE = "ASB_EXPORT_20261103091500.csv";
  private static final String BAD_ROWS = "ASB_EXPORT_20261106093000.csv";
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Mappings MAPPINGS = Mappings.onClasspath();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path drop;

  private final FakeIntake intake = new FakeIntake();
  private final RecordingFeed identityLinks = new RecordingFeed("identity-links");
  private PartnerGate gate = partner -> true;
  private DefaultCamelContext camel;

  @AfterEach
  void stopCamel() {
    if (camel != null) {
      camel.stop();
    }
  }

  @Test
  void aFileWithoutItsDoneMarkerIsNotTaken() throws Exception {
    start(policeChannel(Map.of()));
    drop("ASB_EXPORT_20261103090000.csv", policeSample(), false);
    drop(SAMPLE, policeSample(), true);

    awaitIn("done", SAMPLE);

    assertThat(drop.resolve("ASB_EXPORT_20261103090000.csv")).exists();
    assertThat(drop.resolve("done/ASB_EXPORT_20261103090000.csv")).doesNotExist();
    assertThat(intake.attempts()).hasSize(3);
  }

  @Test
  void aCompleteFileIsTakenOnceMovedToDoneAndItsMarkerRemoved() throws Exception {
    start(policeChannel(Map.of()));
    drop(SAMPLE, policeSample(), true);

    awaitIn("done", SAMPLE);
    assertThat(drop.resolve(SAMPLE)).doesNotExist();
    assertThat(drop.resolve(SAMPLE + ".done")).doesNotExist();
    assertThat(drop.resolve("error")).doesNotExist();
    assertThat(intake.acceptedIds()).containsExactlyElementsOf(expectedIds("sample", SAMPLE));

    // Another file later: by the time it is taken, the first was had every chance to be taken again.
    drop("ASB_EXPORT_20261103093000.csv", policeSample(), true);
    awaitIn("done", "ASB_EXPORT_20261103093000.csv");
    assertThat(intake.attempts()).hasSize(6);
    assertThat(intake.accepted()).noneMatch(this::isRepeat);
  }

  @Test
  void aPartlyBadFileHasItsGoodMessagesTakenAndIsSetAsideWithAReportOfEachBadRow() throws Exception {
    start(policeChannel(Map.of()));
    drop(BAD_ROWS, Fixtures.mappingFixture("police-rms-csv", "bad-rows", BAD_ROWS), true);

    awaitIn("error", BAD_ROWS);
    assertThat(drop.resolve(BAD_ROWS + ".done")).doesNotExist();
    assertThat(intake.acceptedIds()).containsExactlyElementsOf(expectedIds("bad-rows", BAD_ROWS));

    List<CSVRecord> report = report(BAD_ROWS);
    assertThat(report).extracting(row -> describe(row))
        .containsExactlyElementsOf(Fixtures.mappingFixtureText("police-rms-csv", "bad-rows", "expected/errors.txt")
            .lines().toList());
  }

  /** police-rms-csv.md: older exports are Windows-1252; the partner's configuration says which. */
  @Test
  void theChannelsEncodingReachesTheMapping() throws Exception {
    String name = "ASB_EXPORT_20261105101500.csv";
    start(policeChannel(Map.of("encoding", "windows-1252")));
    drop(name, Fixtures.mappingFixture("police-rms-csv", "windows-1252", name), true);

    awaitIn("done", name);
    assertThat(intake.accepted()).singleElement().satisfies(submission ->
        assertThat(bundle(submission.json())).isEqualTo(
            bundle(Fixtures.mappingFixtureText("police-rms-csv", "windows-1252", "expected/1.json"))));
  }

  /** The RMS may export a file of the same name again; the copy already in done/ must not block it. */
  @Test
  void aFileDroppedAgainUnderTheSameNameIsTakenAgain() throws Exception {
    start(policeChannel(Map.of()));
    drop(SAMPLE, policeSample(), true);
    awaitIn("done", SAMPLE);

    drop(SAMPLE, policeSample(), true);
    await().atMost(WAIT).until(() -> !Files.exists(drop.resolve(SAMPLE)));

    assertThat(drop.resolve("done").resolve(SAMPLE)).exists();
    assertThat(drop.resolve(SAMPLE + ".done")).doesNotExist();
    assertThat(intake.accepted()).hasSize(6);
    assertThat(intake.acceptedIds()).hasSize(3);
  }

  /** A file set aside and dropped again unchanged is set aside again, its report replaced. */
  @Test
  void aFileSetAsideAndDroppedAgainIsSetAsideAgain() throws Exception {
    gate = partner -> false;
    start(policeChannel(Map.of()));
    drop(SAMPLE, policeSample(), true);
    awaitIn("error", SAMPLE);

    drop(SAMPLE, policeSample(), true);
    await().atMost(WAIT).until(() -> !Files.exists(drop.resolve(SAMPLE)));

    assertThat(drop.resolve("error").resolve(SAMPLE)).exists();
    assertThat(report(SAMPLE)).hasSize(1);
  }

  @Test
  void aFileWithTheWrongHeaderIsSetAsideWholeWithAOneLineReport() throws Exception {
    start(policeChannel(Map.of()));
    String name = "ASB_EXPORT_20261107090000.csv";
    drop(name, Fixtures.resource("filedrop/wrong-header/" + name), true);

    awaitIn("error", name);
    assertThat(intake.attempts()).isEmpty();
    List<CSVRecord> report = report(name);
    assertThat(report).hasSize(1);
    assertThat(report.get(0).get("file")).isEqualTo(name);
    assertThat(report.get(0).get("line")).isEmpty();
    assertThat(report.get(0).get("reason")).contains("the header line lacks").contains("IncidentRef");
  }

  /** police-rms-csv.md: the error report names the file, the line number, the column and the reason. */
  @Test
  void aMessageTheIntakeRefusesHasEachOfItsLinesReportedUnderTheFileName() throws Exception {
    List<MappingOutput> messages = map("police-rms-csv", SAMPLE, policeSample());
    MappingOutput refusedIncident = messages.stream().filter(m -> m.lines().size() > 1).findFirst().orElseThrow();
    intake.refuseWhen(json -> json.contains(refusedIncident.key()));
    start(policeChannel(Map.of()));
    drop(SAMPLE, policeSample(), true);

    awaitIn("error", SAMPLE);
    assertThat(intake.accepted()).hasSize(messages.size() - 1);
    List<CSVRecord> report = report(SAMPLE);
    assertThat(report).extracting(row -> row.get("line"))
        .containsExactlyElementsOf(refusedIncident.lines().stream().map(String::valueOf).toList());
    assertThat(report).allSatisfy(row -> {
      assertThat(row.get("file")).isEqualTo(SAMPLE);
      assertThat(row.get("reason")).contains("MESSAGE_NONCONFORMANT").contains(refusedIncident.key());
    });
  }

  @Test
  void whileTheGatewayCannotTakeMessagesTheFileAndMarkerStayAndAreTakenAgainLater() throws Exception {
    intake.unavailable();
    start(policeChannel(Map.of()));
    drop(SAMPLE, policeSample(), true);

    await().atMost(WAIT).until(() -> intake.attempts().size() >= 2);
    assertThat(drop.resolve(SAMPLE)).exists();
    assertThat(drop.resolve(SAMPLE + ".done")).exists();
    assertThat(drop.resolve("done")).doesNotExist();
    assertThat(drop.resolve("error")).doesNotExist();

    intake.available();
    awaitIn("done", SAMPLE);
    assertThat(drop.resolve(SAMPLE + ".done")).doesNotExist();
    assertThat(intake.acceptedIds()).containsExactlyElementsOf(expectedIds("sample", SAMPLE));
  }

  @Test
  void aFileFromAPartnerThatIsNotActiveIsSetAsideWithAReportSayingSo() throws Exception {
    gate = partner -> false;
    start(policeChannel(Map.of()));
    drop(SAMPLE, policeSample(), true);

    awaitIn("error", SAMPLE);
    assertThat(intake.attempts()).isEmpty();
    List<CSVRecord> report = report(SAMPLE);
    assertThat(report).hasSize(1);
    assertThat(report.get(0).get("reason")).contains("Partner " + POLICE + " is not active");
  }

  @Test
  void aFileOverMaxFileSizeIsRefusedWhole() throws Exception {
    start(policeChannel(Map.of("max-file-size", "1000")));
    drop(SAMPLE, policeSample(), true);

    awaitIn("error", SAMPLE);
    assertThat(intake.attempts()).isEmpty();
    List<CSVRecord> report = report(SAMPLE);
    assertThat(report).hasSize(1);
    assertThat(report.get(0).get("reason")).contains(policeSample().length + " bytes").contains("max-file-size");
  }

  @Test
  void filesAreTakenInNameOrder() throws Exception {
    List<String> names = List.of("ASB_EXPORT_20261103094500.csv", "ASB_EXPORT_20261103093000.csv",
        "ASB_EXPORT_20261103091500.csv");
    for (String name : names) { // newest first, so that neither creation nor listing order is name order
      drop(name, policeSample(), true);
    }
    start(policeChannel(Map.of()));

    names.forEach(name -> awaitIn("done", name));
    assertThat(intake.accepted()).extracting(submission -> timestamp(submission.json()))
        .isSortedAccordingTo(String::compareTo)
        .hasSize(9);
  }

  /** The marker-file read lock keeps two gateway instances off one file (EndpointUris.fileDrop). */
  @Test
  void aFileAnotherInstanceHasLockedIsLeftToIt() throws Exception {
    start(policeChannel(Map.of()));
    // Past the first poll, which deletes lock files left by a crash before this instance started.
    drop("ASB_EXPORT_20261103084500.csv", policeSample(), true);
    awaitIn("done", "ASB_EXPORT_20261103084500.csv");
    String locked = "ASB_EXPORT_20261103090000.csv";
    Files.createFile(drop.resolve(locked + ".camelLock"));
    drop(locked, policeSample(), true);
    drop(SAMPLE, policeSample(), true);

    awaitIn("done", SAMPLE);
    assertThat(drop.resolve(locked)).exists();
    assertThat(intake.attempts()).hasSize(6);

    Files.delete(drop.resolve(locked + ".camelLock"));
    awaitIn("done", locked);
  }

  /** With shared claims (the gateway's database), a file another instance has claimed is left to it. */
  @Test
  void aFileAnotherInstanceHasClaimedInTheSharedRepositoryIsLeftToItUntilItLetsGo() throws Exception {
    org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository claims =
        new org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository();
    claims.start();
    String claimed = "ASB_EXPORT_20261103090000.csv";
    claims.add(drop.resolve(claimed).toAbsolutePath().toString());
    start(policeChannel(Map.of()), java.util.Optional.of(claims));
    drop(claimed, policeSample(), true);
    drop(SAMPLE, policeSample(), true);

    awaitIn("done", SAMPLE);
    assertThat(drop.resolve(claimed)).as("claimed by another instance").exists();
    assertThat(drop.resolve(claimed + ".camelLock")).as("no marker files with shared claims").doesNotExist();

    claims.remove(drop.resolve(claimed).toAbsolutePath().toString());
    awaitIn("done", claimed);
    assertThat(claims.getCache()).as("let go once moved").isEmpty();
  }

  @Test
  void aWholeRollGoesToItsRecordFeedAsComplete() throws Exception {
    String roll = "TENANCY_ROLL_20261103.csv";
    start(rollChannel());
    drop(roll, Fixtures.mappingFixture("housing-tenancy-roll", "sample", roll), true);

    awaitIn("done", roll);
    assertThat(intake.attempts()).isEmpty();
    assertThat(identityLinks.applied()).singleElement().satisfies(applied -> {
      assertThat(applied.partnerId()).isEqualTo(HOMES);
      assertThat(applied.sourceName()).isEqualTo(roll);
      assertThat(applied.complete()).isTrue();
      assertThat(applied.records()).extracting(record -> bundle(record.content()).path("tenancyRef").asText())
          .containsExactly("T104233", "T104233", "T104240", "T108877");
    });
  }

  /** A roll with bad rows must not end the tenancies on those rows (RecordFeed#apply). */
  @Test
  void aRollWithRefusedRowsGoesToItsRecordFeedAsIncompleteAndIsSetAside() throws Exception {
    String roll = "TENANCY_ROLL_20261104.csv";
    start(rollChannel());
    drop(roll, Fixtures.mappingFixture("housing-tenancy-roll", "bad-rows", roll), true);

    awaitIn("error", roll);
    assertThat(identityLinks.applied()).singleElement().satisfies(applied -> {
      assertThat(applied.complete()).isFalse();
      assertThat(applied.records()).extracting(record -> bundle(record.content()).path("tenancyRef").asText())
          .containsExactly("T104233");
    });
    assertThat(report(roll)).extracting(row -> row.get("line")).containsExactly("3", "4", "5", "5", "5");
  }

  // --- the channel and its folder

  private ChannelDefinition policeChannel(Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>(Map.of("type", "file-drop", "directory", drop.toString(),
        "mapping", "police-rms-csv", "poll-interval", "100ms"));
    settings.putAll(extra);
    return new ChannelDefinition(POLICE, Direction.IN, settings);
  }

  private ChannelDefinition rollChannel() {
    return new ChannelDefinition(HOMES, Direction.IN, Map.of("type", "file-drop", "directory", drop.toString(),
        "mapping", "housing-tenancy-roll", "feeds", "identity-links", "poll-interval", "100ms"));
  }

  private void start(ChannelDefinition channel) throws Exception {
    start(channel, java.util.Optional.empty());
  }

  private void start(ChannelDefinition channel, java.util.Optional<org.apache.camel.spi.IdempotentRepository> claims)
      throws Exception {
    AdapterServices services = new AdapterServices(MAPPINGS, intake, Map.of("identity-links", identityLinks),
        new InMemoryFeedStateStore(), partner -> gate.mayExchange(partner), HttpClient.newHttpClient(),
        Clock.systemUTC(), "localhost:9092", Map.of(), claims, org.caseway.adapters.feed.FeedTurns.SINGLE_INSTANCE);
    PartnerChannelRoutes routes = new PartnerChannelRoutes(List.of(channel), services);
    camel = new DefaultCamelContext();
    camel.addRoutes(routes);
    camel.addTemplatedRoutes(routes);
    camel.start();
  }

  /** Writes a file as the partner does: the data, then (if complete) its marker. */
  private void drop(String name, byte[] content, boolean complete) throws IOException {
    Path partial = drop.resolve("." + name + ".writing");
    Files.write(partial, content);
    Files.move(partial, drop.resolve(name));
    if (complete) {
      Files.createFile(drop.resolve(name + ".done"));
    }
  }

  private void awaitIn(String folder, String name) {
    await().atMost(WAIT).until(() -> Files.exists(drop.resolve(folder).resolve(name)));
  }

  private List<CSVRecord> report(String name) throws IOException {
    Path report = drop.resolve("error").resolve(name + ".errors.csv");
    assertThat(report).exists();
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(Files.readString(report, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", ""))).getRecords();
  }

  /** A report row as {@link org.caseway.mappings.RecordError#describe()} writes it (the fixtures' errors.txt). */
  private static String describe(CSVRecord row) {
    return new org.caseway.mappings.RecordError(row.get("file"), Integer.parseInt(row.get("line")), row.get("column"),
        row.get("value"), row.get("reason")).describe();
  }

  private static byte[] policeSample() {
    return Fixtures.mappingFixture("police-rms-csv", "sample", SAMPLE);
  }

  private static List<MappingOutput> map(String mapping, String name, byte[] content) {
    return MAPPINGS.mapper(mapping).map(new MappingInput(name, content, Map.of())).outputs();
  }

  private static List<String> expectedIds(String scenario, String name) {
    return map("police-rms-csv", name, Fixtures.mappingFixture("police-rms-csv", scenario, name)).stream()
        .map(output -> bundle(output.content()).path("id").asText()).toList();
  }

  private boolean isRepeat(FakeIntake.Submission submission) {
    return intake.accepted().stream().filter(other -> other.bundleId().equals(submission.bundleId())).count() > 1;
  }

  private static String timestamp(String json) {
    return bundle(json).path("timestamp").asText();
  }

  private static com.fasterxml.jackson.databind.JsonNode bundle(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
