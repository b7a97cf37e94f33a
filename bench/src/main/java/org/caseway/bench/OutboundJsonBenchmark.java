package org.caseway.bench;

import java.util.concurrent.TimeUnit;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.delivery.ViewSerializer;
import org.caseway.gateway.policy.PolicyDecision;
import org.hl7.fhir.r4.model.Bundle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The outbound Kafka JSON of probation and the police: a recipient's view written as canonical FHIR
 * JSON ({@link ViewSerializer}, what the Kafka channel sends). Probation's view of the incident
 * (its cohort member), the police's view of the trust's risk flag (ISA-VUL, with consent).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OutboundJsonBenchmark {

  @Param({"northshire-probation", "northshire-police"})
  public String recipient;

  private ViewSerializer serializer;
  private Bundle view;

  @Setup
  public void setUp() {
    serializer = new ViewSerializer(ImplementationGuide.load().fhirContext());
    Bundle message = recipient.equals(Northshire.POLICE) ? Northshire.riskFlag() : Northshire.incident();
    PolicyDecision decision = Northshire.engine(Northshire.incidentLinks()).decide(message, recipient, Northshire.IN_FORCE);
    if (decision.disclosures().isEmpty()) {
      throw new IllegalStateException(recipient + " is given nothing of the message: " + decision.withholdings());
    }
    view = decision.disclosures().get(0).view();
  }

  @Benchmark
  public String json() {
    return serializer.json(view);
  }
}
