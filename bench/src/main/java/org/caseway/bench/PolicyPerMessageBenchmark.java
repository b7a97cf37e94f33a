package org.caseway.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.caseway.gateway.policy.PolicyDecision;
import org.caseway.gateway.policy.PolicyEngine;
import org.caseway.gateway.policy.engine.AgreementPolicyEngine;
import org.hl7.fhir.r4.model.Bundle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The policy engine as dispatch calls it: the guide's incident decided for each of the four
 * partners but its source, the message read once and each person looked up in the identity index
 * once ({@link PolicyEngine#about}). µs per recipient per message (the op is one recipient), to
 * set beside {@link PolicyBenchmark}'s one recipient alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PolicyPerMessageBenchmark {

  private static final List<String> RECIPIENTS =
      List.of("northshire-council", "northshire-housing", "northshire-probation", "northshire-mh-trust");

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
  }

  @TearDown
  public void tearDown() {
    identities.close();
  }

  @Benchmark
  @OperationsPerInvocation(4)
  public void decideForEveryRecipient(Blackhole sink) {
    PolicyEngine.MessageDecisions decisions = engine.about(incident, Northshire.IN_FORCE);
    for (String recipient : RECIPIENTS) {
      PolicyDecision decision = decisions.decide(recipient);
      sink.consume(decision);
    }
  }
}
