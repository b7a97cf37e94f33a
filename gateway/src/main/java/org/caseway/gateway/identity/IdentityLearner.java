package org.caseway.gateway.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseway.gateway.identity.IdentityStore.PersonRow;
import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Learns links: from the Patients of accepted messages and from the housing tenancy roll.
 *
 * <p>Deterministic links: strong identifiers together on one Patient, a partner's own identifier
 * beside a strong one, and exact normalised name + date of birth + postcode. A near match (exactly
 * one of the three differs) goes to the review list and is never linked automatically. Thread-safe,
 * also across gateway instances: each call that changes the index is one transaction, and
 * transactions that learn take turns ({@link IdentityStore#takeLearningTurn}), so learning about
 * the same people at once (two dispatch consumers) ends as if one had learnt after the other.
 *
 * <p>Most messages are about people the index knows already. A message is therefore first learnt
 * from without writing ({@link WouldChange}): if that finds nothing to add, the call ends there,
 * with no turn taken and nothing committed, as if it had learnt just before whichever learner
 * changes the index next; otherwise it learns again, in its turn.
 */
public class IdentityLearner {

  private static final Logger log = LoggerFactory.getLogger(IdentityLearner.class);

  private final IdentityStore store;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final Changes written = new Written();

  IdentityLearner(IdentityStore store, TransactionTemplate transaction, Clock clock) {
    this.store = store;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** Learns from every Patient of an accepted message. Repeating a message changes nothing. */
  public void learnFrom(Bundle message, String messageId) {
    List<PatientFacts> patients = PatientFacts.of(message);
    if (patients.isEmpty()) {
      return;
    }
    String source = "message:" + messageId;
    if (!teachesAnything(patients, source)) {
      return;
    }
    transaction.executeWithoutResult(status -> {
      store.takeLearningTurn();
      patients.forEach(p -> learnPatient(p, source, written));
    });
  }

  /** Learns from the patients without writing: whether learning would change the index. */
  private boolean teachesAnything(List<PatientFacts> patients, String source) {
    WouldChange dryRun = new WouldChange(store);
    for (PatientFacts patient : patients) {
      learnPatient(patient, source, dryRun);
      if (dryRun.any) {
        return true;
      }
    }
    return false;
  }

  /**
   * Applies today's whole tenancy roll: remembers each tenant for matching, matches them against
   * the people the index knows, and ends every link of a tenancy missing from the roll (it has
   * ended).
   *
   * @param entries every row of the roll, as parsed
   * @param sourceFile the roll's file name, recorded as the links' source
   * @param complete whether {@code entries} is the whole roll; a roll with refused rows ends no
   *     tenancy, since the rows missing from it may be the refused ones
   */
  public void applyTenancyRoll(List<TenancyRollEntry> entries, String sourceFile, boolean complete) {
    String source = "tenancy-roll:" + sourceFile;
    transaction.executeWithoutResult(
        status -> {
          store.takeLearningTurn();
          int ended = complete ? endMissingTenancies(entries, sourceFile) : 0;
          entries.forEach(e -> learnPerson(new PersonRow(e.identifier(), e.demographics()), source, written));
          log.info("Applied tenancy roll {}: {} rows, {} tenancies ended", sourceFile, entries.size(), ended);
        });
  }

  private void learnPatient(PatientFacts patient, String source, Changes changes) {
    List<AgencyIdentifier> ids = patient.identifiers();
    AgencyIdentifier anchor =
        ids.stream().filter(i -> IdentifierSystems.STRONG.contains(i.system())).findFirst().orElse(null);
    if (anchor != null) {
      ids.stream().filter(i -> !i.equals(anchor))
          .forEach(i -> linkOnce(anchor, i, methodFor(i), source, changes));
    }
    patient
        .demographics()
        .ifPresent(d -> learnPerson(new PersonRow(anchor != null ? anchor : ids.get(0), d), source, changes));
  }

  private static LinkMethod methodFor(AgencyIdentifier other) {
    return IdentifierSystems.STRONG.contains(other.system())
        ? LinkMethod.STRONG_IDENTIFIERS
        : LinkMethod.SAME_PATIENT_RECORD;
  }

  /** Remembers the person and links or queues them against everyone who matches. */
  private void learnPerson(PersonRow person, String source, Changes changes) {
    changes.rememberPerson(person, source);
    for (PersonRow candidate : store.candidates(person.demographics())) {
      if (candidate.identifier().system().equals(person.identifier().system())) {
        continue;
      }
      String difference = person.demographics().soleDifference(candidate.demographics());
      if (person.demographics().equals(candidate.demographics())) {
        linkUnlessRecordsConflict(person.identifier(), candidate.identifier(), person.demographics(), source, changes);
      } else if (difference != null
          && !store.activeLinkExists(person.identifier(), candidate.identifier())) {
        changes.review(person.identifier(), candidate.identifier(), difference, source);
      }
    }
  }

  /**
   * Name, date of birth and postcode say two records are one person; but if each is already linked
   * to an identifier of the same system with a different value (two PNC ids, two police nominal
   * references: records their agencies keep apart), they may be two people who share those details,
   * and linking would merge them: a person must decide. A shared identifier (a tenancy) conflicts
   * with nothing. A link to a tenancy names the tenant it was made for.
   */
  private void linkUnlessRecordsConflict(
      AgencyIdentifier a, AgencyIdentifier b, Demographics who, String source, Changes changes) {
    if (store.activeLinkExists(a, b)) {
      return;
    }
    String tenant = who.matchName() + "|" + who.birthDate();
    Set<AgencyIdentifier> left = store.clusterAs(a, tenant);
    Set<AgencyIdentifier> right = store.clusterAs(b, tenant);
    Optional<String> conflict = left.stream().map(AgencyIdentifier::system).distinct()
        .filter(system -> !IdentifierSystems.SHARED.contains(system))
        .filter(system -> differ(values(left, system), values(right, system)))
        // A strong identifier's conflict is the one to tell the reviewer about.
        .sorted(java.util.Comparator.comparing((String system) -> !IdentifierSystems.STRONG.contains(system))
            .thenComparing(java.util.Comparator.naturalOrder()))
        .findFirst();
    if (conflict.isPresent()) {
      changes.review(a, b, "conflicting " + IdentifierSystems.shortName(conflict.get()), source);
      return;
    }
    boolean shared = IdentifierSystems.SHARED.contains(a.system()) || IdentifierSystems.SHARED.contains(b.system());
    changes.link(a, b, LinkMethod.NAME_DOB_POSTCODE, source, shared ? tenant : null);
  }

  private static Set<String> values(Set<AgencyIdentifier> cluster, String system) {
    return cluster.stream().filter(id -> id.system().equals(system)).map(AgencyIdentifier::value)
        .collect(Collectors.toSet());
  }

  private static boolean differ(Set<String> left, Set<String> right) {
    return !left.isEmpty() && !right.isEmpty() && !left.equals(right);
  }

  private void linkOnce(AgencyIdentifier a, AgencyIdentifier b, LinkMethod method, String source, Changes changes) {
    if (!store.activeLinkExists(a, b)) {
      changes.link(a, b, method, source, null);
    }
  }

  private int endMissingTenancies(List<TenancyRollEntry> entries, String sourceFile) {
    Set<String> today = entries.stream().map(TenancyRollEntry::tenancyRef).collect(Collectors.toSet());
    Set<String> ended = new HashSet<>(store.valuesOfSystem(IdentifierSystems.TENANCY));
    ended.removeAll(today);
    for (String ref : ended) {
      AgencyIdentifier tenancy = new AgencyIdentifier(IdentifierSystems.TENANCY, ref);
      store.endLinksOf(tenancy, now(), "tenancy missing from roll " + sourceFile + ": it has ended");
      store.forgetPeople(tenancy);
    }
    return ended.size();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** What learning changes in the index; the learner decides what, an implementation whether it is written. */
  private interface Changes {
    void rememberPerson(PersonRow person, String source);

    void link(AgencyIdentifier a, AgencyIdentifier b, LinkMethod method, String source, String tenant);

    void review(AgencyIdentifier a, AgencyIdentifier b, String difference, String source);
  }

  /** The changes written to the store, in the caller's transaction and learning turn. */
  private final class Written implements Changes {
    @Override
    public void rememberPerson(PersonRow person, String source) {
      store.rememberPerson(person, source, now());
    }

    @Override
    public void link(AgencyIdentifier a, AgencyIdentifier b, LinkMethod method, String source, String tenant) {
      store.insertLink(a, b, method, source, now(), null, tenant);
    }

    @Override
    public void review(AgencyIdentifier a, AgencyIdentifier b, String difference, String source) {
      if (store.insertReviewIfNew(a, b, difference, source, now())) {
        log.info("Identity review opened for two records: {}", difference);
      }
    }
  }

  /** Writes nothing: notes whether any change would have been written. */
  private static final class WouldChange implements Changes {
    private final IdentityStore store;
    private boolean any;

    WouldChange(IdentityStore store) {
      this.store = store;
    }

    @Override
    public void rememberPerson(PersonRow person, String source) {
      any |= !store.personKnown(person);
    }

    @Override
    public void link(AgencyIdentifier a, AgencyIdentifier b, LinkMethod method, String source, String tenant) {
      any = true;
    }

    @Override
    public void review(AgencyIdentifier a, AgencyIdentifier b, String difference, String source) {
      any |= !store.reviewExists(a, b);
    }
  }
}
