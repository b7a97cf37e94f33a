package org.caseway.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.caseway.gateway.identity.AgencyIdentifier;
import org.caseway.gateway.identity.PatientFacts;
import org.caseway.gateway.ledger.DisclosureLedger;
import org.caseway.gateway.ledger.LedgerEntries;
import org.caseway.gateway.ledger.PendingEntry;
import org.caseway.gateway.policy.PolicyDecision;
import org.caseway.gateway.policy.engine.AgreementPolicyEngine;
import org.hl7.fhir.r4.model.Bundle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Appending one message's entries to the record of disclosures on the gateway's database ({@value
 * BenchDatabase#PROPERTY}): the incident's decisions for all five Northshire partners (its
 * disclosures and withholdings, as dispatch records them), in one transaction that locks the chain
 * head and hashes each entry onto the chain. Every call is a new message.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LedgerBenchmark {

  private static final List<String> RECIPIENTS = List.of(Northshire.COUNCIL, Northshire.HOUSING,
      Northshire.PROBATION, Northshire.MH_TRUST, Northshire.POLICE);

  private BenchDatabase database;
  private DisclosureLedger ledger;
  private List<PolicyDecision> decisions;
  private List<Set<AgencyIdentifier>> people;

  @Setup
  public void setUp() {
    database = BenchDatabase.open();
    ledger = database.ledger();
    Bundle incident = Northshire.incident();
    AgreementPolicyEngine engine = Northshire.engine(Northshire.incidentLinks());
    decisions = RECIPIENTS.stream().map(r -> engine.decide(incident, r, Northshire.IN_FORCE)).toList();
    people = PatientFacts.of(incident).stream().map(p -> Set.copyOf(p.identifiers())).toList();
    System.out.printf("%nEntries per message: %d%n", entries(UUID.randomUUID().toString()).size());
  }

  @TearDown
  public void tearDown() {
    database.close();
  }

  @Benchmark
  public boolean recordOnce() {
    String messageId = UUID.randomUUID().toString();
    return ledger.recordOnce(messageId, entries(messageId));
  }

  private List<PendingEntry> entries(String messageId) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    List<PendingEntry> entries = new ArrayList<>();
    for (PolicyDecision d : decisions) {
      PolicyDecision decision = new PolicyDecision(messageId, d.event(), d.sourceId(), d.recipientId(),
          d.disclosures(), d.withholdings(), d.reasons());
      List<String> ids = d.disclosures().stream().map(x -> UUID.randomUUID().toString()).toList();
      entries.addAll(LedgerEntries.of(decision, ids, now, people));
    }
    return entries;
  }
}
