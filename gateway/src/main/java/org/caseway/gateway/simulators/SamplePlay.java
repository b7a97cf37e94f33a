package org.caseway.gateway.simulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.caseway.northshire.simulators.DropFolders;
import org.caseway.northshire.simulators.Samples;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the Northshire samples through the running partnership, once per data directory, in the
 * order that makes the links the agreements need: the housing tenancy roll (tenancy links), then
 * probation's IOM cohort message (CRN to PNC id), then the police export and the council's change
 * feed. Each step waits (bounded) until the gateway has taken the previous one in; a step that does
 * not finish in time is logged and the play goes on, so a slow machine still shows the rest.
 */
public class SamplePlay implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(SamplePlay.class);
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

  private final NorthshireSimulators simulators;
  private final Path policeDrop;
  private final Path housingDrop;
  private final Path playedMarker;

  public SamplePlay(NorthshireSimulators simulators, Path policeDrop, Path housingDrop, Path playedMarker) {
    this.simulators = simulators;
    this.policeDrop = policeDrop;
    this.housingDrop = housingDrop;
    this.playedMarker = playedMarker;
  }

  @Override
  public void run() {
    if (Files.exists(playedMarker)) {
      simulators.council().publishSampleChanges();
      log.info("Northshire samples were played on an earlier start ({} exists); the council simulator has its"
          + " sample feed again", playedMarker);
      return;
    }
    dropAndWait("housing tenancy roll", housingDrop, Samples.TENANCY_ROLL);
    int acks = simulators.probation().acks().received().size();
    simulators.probation().publishIomCohortSample();
    waitFor("probation's IOM cohort message to be acknowledged",
        () -> simulators.probation().acks().received().size() > acks);
    dropAndWait("police export", policeDrop, Samples.POLICE_EXPORT);
    simulators.council().publishSampleChanges();
    markPlayed();
    log.info("Northshire samples played. See what each partner received: GET /admin/simulators (data sharing"
        + " manager's token), the simulators' own request logs at http://localhost:PORT/__admin/requests,"
        + " the police hub and probation topics on Kafka, and the drop folders' done/ and error/");
  }

  private void dropAndWait(String what, Path folder, String sample) {
    Path file = DropFolders.drop(folder, sample, Samples.bytes(sample));
    log.info("Dropped the sample {} into {}", what, folder);
    waitFor("the " + what + " to be taken in", () -> !Files.exists(file));
  }

  private static void waitFor(String what, BooleanSupplier done) {
    Instant deadline = Instant.now().plus(STEP_TIMEOUT);
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        log.warn("Gave up waiting for {} after {}; playing the rest of the samples", what, STEP_TIMEOUT);
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void markPlayed() {
    try {
      Files.createDirectories(playedMarker.getParent());
      Files.writeString(playedMarker, Instant.now().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + playedMarker, e);
    }
  }
}
