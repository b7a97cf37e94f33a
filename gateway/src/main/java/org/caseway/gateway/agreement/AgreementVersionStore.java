package org.caseway.gateway.agreement;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The table of every agreement version ever loaded ({@code agreement_version}, Flyway V10).
 *
 * <p>A version is written once and never changed: a document whose text differs from the version
 * already recorded under the same id and version is refused. Thread-safe.
 */
public class AgreementVersionStore {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public AgreementVersionStore(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Problems for versions already recorded with a different text; empty if none. */
  public List<AgreementProblem> changedVersions(AgreementSet set) {
    List<AgreementProblem> problems = new ArrayList<>();
    for (Agreement agreement : set.agreements()) {
      recordedHash(agreement)
          .filter(hash -> !hash.equals(agreement.sha256()))
          .ifPresent(hash -> problems.add(new AgreementProblem(agreement.file(), "version", 0,
              agreement.label() + " was loaded before with a different text: a version, once in use, may not change.",
              "Give the changed document the next version number (and dates that do not overlap).")));
    }
    return problems;
  }

  /** Records the versions not yet recorded. */
  @Transactional
  public void record(AgreementSet set, Map<String, AgreementDocument> documentsByFile) {
    Timestamp now = Timestamp.from(clock.instant());
    for (Agreement agreement : set.agreements()) {
      if (recordedHash(agreement).isEmpty()) {
        jdbc.update(
            "INSERT INTO agreement_version (agreement_id, version, file_name, sha256, document, first_loaded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)",
            agreement.id(), agreement.version(), agreement.file(), agreement.sha256(),
            documentsByFile.get(agreement.file()).text(), now);
      }
    }
  }

  /** Every recorded version as {@code id vN}, sorted. */
  public List<String> recordedVersions() {
    return jdbc.queryForList(
        "SELECT agreement_id || ' v' || version FROM agreement_version ORDER BY agreement_id, version", String.class);
  }

  private Optional<String> recordedHash(Agreement agreement) {
    return jdbc.queryForList(
            "SELECT sha256 FROM agreement_version WHERE agreement_id = ? AND version = ?",
            String.class, agreement.id(), agreement.version())
        .stream().findFirst();
  }
}
