package org.caseway.gateway.crash;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.caseway.northshire.simulators.DropFolders;

/**
 * Police RMS exports (police-rms-csv.md) made up for load: files of {@code incidents} incidents
 * each, every incident a suspect and, every other one, a victim, drawn from a small cast so that
 * each person is in many incidents (ordering per person is then worth checking). The cast includes
 * the samples' Dean Whitfield (in probation's IOM cohort, a housing tenant with a violent marker),
 * Łukasz Nowak (a tenant) and Zoë O'Brien-Nkemelu (a tenant), so that housing and probation get
 * their share; one suspect in ten has a mental-health marker and consented to a referral, for the
 * trust. One file has a row that must be refused (an impossible date): its incident must reach no one.
 */
final class PoliceExports {

  static final String HEADER = "IncidentRef,ReportedAt,IncidentType,Location,Postcode,Easting,Northing,NominalRef,"
      + "NominalRole,Surname,Forenames,DOB,Gender,PNCId,EthnicityCode,WarningMarkers,ConsentToRefer,OfficerInCase,"
      + "Narrative,Classification";
  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  /** A person of the cast: the columns from NominalRef to WarningMarkers, and the consent. */
  private record Nominal(String ref, String surname, String forenames, String dob, String gender, String pnc,
      String markers, String consent, String location, String postcode) {}

  private static final List<Nominal> SUSPECTS = suspects();
  private static final List<Nominal> VICTIMS = victims();

  private final Path folder;
  private final int incidentsPerFile;
  private final Random random;
  private final List<String> validRefs = new ArrayList<>();
  private final List<String> refusedRefs = new ArrayList<>();
  private final List<String> files = new ArrayList<>();
  private int nextIncident;
  private LocalDateTime exportTime = LocalDateTime.of(2026, 11, 3, 10, 0, 0);

  PoliceExports(Path folder, int incidentsPerFile, long seed) {
    this.folder = folder;
    this.incidentsPerFile = incidentsPerFile;
    this.random = new Random(seed);
  }

  /** Writes the next export and its {@code .done} marker; with {@code badRow}, one incident is refused. */
  String dropNext(boolean badRow) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    int bad = badRow ? random.nextInt(incidentsPerFile) : -1;
    for (int i = 0; i < incidentsPerFile; i++) {
      String ref = String.format("NP-2026-%06d", 700_000 + nextIncident++);
      boolean refused = i == bad;
      (refused ? refusedRefs : validRefs).add(ref);
      Nominal suspect = SUSPECTS.get(random.nextInt(SUSPECTS.size()));
      String reportedAt = refused ? "31/02/2026 08:40" : "03/11/2026 08:40";
      csv.append(row(ref, reportedAt, suspect, suspect, "SUSPECT"));
      if (random.nextBoolean()) {
        csv.append(row(ref, reportedAt, suspect, VICTIMS.get(random.nextInt(VICTIMS.size())), "VICTIM"));
      }
    }
    exportTime = exportTime.plusMinutes(15);
    String name = "ASB_EXPORT_" + NAME.format(exportTime) + ".csv";
    DropFolders.drop(folder, name, csv.toString().getBytes(StandardCharsets.UTF_8));
    files.add(name);
    return name;
  }

  List<String> validRefs() {
    return List.copyOf(validRefs);
  }

  List<String> refusedRefs() {
    return List.copyOf(refusedRefs);
  }

  int filesDropped() {
    return files.size();
  }

  /** Exports still waiting in the drop folder (not yet moved to done/ or error/). */
  long waiting() throws java.io.IOException {
    try (Stream<Path> listed = Files.list(folder)) {
      return listed.filter(p -> p.getFileName().toString().matches("ASB_EXPORT_\\d{14}\\.csv")).count();
    }
  }

  /** Exports in the sub-folder {@code done} or {@code error}. */
  List<String> in(String outcome) throws java.io.IOException {
    Path sub = folder.resolve(outcome);
    if (!Files.isDirectory(sub)) {
      return List.of();
    }
    try (Stream<Path> listed = Files.list(sub)) {
      return listed.map(p -> p.getFileName().toString()).filter(n -> n.matches("ASB_EXPORT_\\d{14}\\.csv")).sorted()
          .toList();
    }
  }

  /** One row; the incident's place is where its suspect lives. */
  private static String row(String ref, String reportedAt, Nominal place, Nominal n, String role) {
    return String.join(",", ref, reportedAt, "ASB-PERSONAL", "\"" + place.location() + "\"", place.postcode(), "", "",
        n.ref(),
        role, n.surname(), n.forenames(), n.dob(), n.gender(), n.pnc(), "", n.markers(), n.consent(), "4412 PC Amin",
        "\"Shouting and banging at the door, reported by a neighbour.\"", "OFFICIAL") + "\r\n";
  }

  private static List<Nominal> suspects() {
    List<Nominal> cast = new ArrayList<>();
    cast.add(new Nominal("N0048213", "Whitfield", "Dean", "17/03/1994", "M", "2013/0456789K", "VI", "",
        "Outside 14 Larch Close, Kettleby", "NN7 4QT"));
    cast.add(new Nominal("N0033907", "O'Brien-Nkemelu", "Zoë", "29/02/2004", "F", "2022/0001234B", "DR", "",
        "Flat 3, 9 Quarry Road, Kettleby", "NN7 2DF"));
    for (int p = 1; p <= 8; p++) {
      boolean forTheTrust = p == 1;
      cast.add(new Nominal(String.format("N07%05d", p), "Suspect" + (char) ('a' + p), "Sam", "0" + p + "/05/1990",
          "M", String.format("2019/07%05dK", p), forTheTrust ? "MH" : "DR", forTheTrust ? "Y" : "",
          p + " Mill Lane, Kettleby", "NN7 1AB"));
    }
    return cast;
  }

  private static List<Nominal> victims() {
    List<Nominal> cast = new ArrayList<>();
    cast.add(new Nominal("N0051120", "Nowak", "Łukasz", "02/08/1988", "M", "", "", "Y",
        "Outside 12 Larch Close, Kettleby", "NN7 4QT"));
    for (int p = 1; p <= 5; p++) {
      cast.add(new Nominal(String.format("N08%05d", p), "Victim" + (char) ('a' + p), "Alex", "1" + p + "/06/1985",
          "F", "", "", "", p + " Quarry Road, Kettleby", "NN7 2DF"));
    }
    return cast;
  }
}
