package org.caseway.bench;

import java.util.concurrent.TimeUnit;
import org.caseway.gateway.policy.PolicyDecision;
import org.caseway.gateway.policy.engine.AgreementPolicyEngine;
import org.hl7.fhir.r4.model.Bundle;
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
 * The policy engine on one canonical message (the guide's incident: suspect, victim, witness) for
 * one recipient, with the committed Northshire agreements: µs per recipient per message (issue 7's
 * target: at most 50).
 *
 * <p>{@code links=memory}: the identity index as a map in memory, the engine's own cost.
 * {@code links=database}: the gateway's identity index on its database ({@value
 * BenchDatabase#PROPERTY}), as dispatch calls the engine, with 1,000 other people in it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PolicyBenchmark {

  @Param({"northshire-council", "northshire-housing", "northshire-probation", "northshire-mh-trust",
      "northshire-police"})
  public String recipient;

  @Param({"memory", "database"})
  public String links;

  private AgreementPolicyEngine engine;
  private Bundle incident;
  private IncidentLinks identities;

  @Setup
  public void setUp() {
    incident = Northshire.incident();
    identities = IncidentLinks.of(links);
    engine = Northshire.engine(identities.links());
    PolicyDecision decision = engine.decide(incident, recipient, Northshire.IN_FORCE);
    System.out.printf("%n%s: %d disclosures, %d withholdings%n", recipient, decision.disclosures().size(),
        decision.withholdings().size());
  }

  @TearDown
  public void tearDown() {
    identities.close();
  }

  @Benchmark
  public PolicyDecision decide() {
    return engine.decide(incident, recipient, Northshire.IN_FORCE);
  }
}
