package org.caseway.bench;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.caseway.gateway.identity.AgencyIdentifier;
import org.caseway.gateway.identity.IdentityIndex;
import org.caseway.gateway.identity.IdentityLearner;
import org.hl7.fhir.r4.model.Identifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The identity index's look-up (everything linked to one identifier, transitively) on the gateway's
 * database ({@value BenchDatabase#PROPERTY}), with {@code people} people in it, each linked by the
 * identity learner: PNC id, CRN and tenancy reference. Each call asks for another person's PNC id.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IdentityBenchmark {

  @Param({"5000"})
  public int people;

  private BenchDatabase database;
  private IdentityIndex index;
  private List<Set<AgencyIdentifier>> questions;
  private int next;

  @Setup
  public void setUp() {
    database = BenchDatabase.open();
    seed(database.identityLearner(), people);
    index = database.identityIndex();
    questions = java.util.stream.IntStream.range(0, people)
        .mapToObj(p -> Set.of(new AgencyIdentifier(Northshire.PNC, pnc(p)))).toList();
    int linked = index.linkedTo(questions.get(0)).size();
    if (linked != 3) {
      throw new IllegalStateException("Person 0 should be linked to 3 identifiers, is to " + linked);
    }
  }

  @TearDown
  public void tearDown() {
    database.close();
  }

  @Benchmark
  public Set<AgencyIdentifier> linkedTo() {
    Set<AgencyIdentifier> question = questions.get(next);
    next = (next + 1) % questions.size();
    return index.linkedTo(question);
  }

  /** Teaches the index {@code people} people: PNC id, CRN and a tenancy (one per 2 people) each. */
  static void seed(IdentityLearner learner, int people) {
    for (int p = 0; p < people; p++) {
      learner.learnFrom(Northshire.personRecord(
          new Identifier().setSystem(Northshire.PNC).setValue(pnc(p)),
          new Identifier().setSystem(Northshire.CRN).setValue(String.format("B%06d", p)),
          new Identifier().setSystem(Northshire.TENANCY).setValue(String.format("T9%05d", p))),
          "bench-seed-" + p);
    }
  }

  static String pnc(int person) {
    return String.format("2020/%07dB", person);
  }
}
