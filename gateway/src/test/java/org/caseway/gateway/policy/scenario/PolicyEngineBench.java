package org.caseway.gateway.policy.scenario;

import static org.caseway.gateway.policy.scenario.Ids.*;

import java.util.Arrays;
import java.util.List;
import org.caseway.gateway.policy.PolicyDecision;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Prints the policy engine's evaluation time per recipient per message (issue 7's bench target:
 * well under 50 µs). A main, not a test: timings on a shared build machine are reported, never
 * asserted. Run from {@code gateway/} with the test classpath, e.g.
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) ...PolicyEngineBench}.
 */
public final class PolicyEngineBench {

  private static final int WARM_UP = 20_000;
  private static final int MEASURED = 20_000;

  private PolicyEngineBench() {}

  public static void main(String[] args) {
    Engine engine = new Engine();
    engine.links.link(id(NOMINAL, SUSPECT), id(CRN, "X123456"), id(TENANCY, "T104233"), id(NHS, "9434765919"),
        id(COUNCIL_PARTY, "70001"));
    engine.links.link(id(NOMINAL, VICTIM), id(COUNCIL_PARTY, "70002"));
    Bundle incident = MessageBuilder.example("incident-reported").consent(SUSPECT,
        org.hl7.fhir.r4.model.Consent.ConsentProvisionType.PERMIT).build();
    List<String> recipients = List.of(COUNCIL, HOUSING, PROBATION, MH_TRUST, POLICE);
    var raw = engine.raw();
    for (String recipient : recipients) {
      long[] nanos = new long[MEASURED];
      int disclosures = 0;
      for (int i = 0; i < WARM_UP; i++) {
        raw.decide(incident, recipient, Engine.IN_FORCE);
      }
      for (int i = 0; i < MEASURED; i++) {
        long start = System.nanoTime();
        PolicyDecision decision = raw.decide(incident, recipient, Engine.IN_FORCE);
        nanos[i] = System.nanoTime() - start;
        disclosures = decision.disclosures().size();
      }
      Arrays.sort(nanos);
      System.out.printf("incident-reported -> %-22s disclosures=%d  median %6.1f µs  p90 %6.1f µs  p99 %6.1f µs%n",
          recipient, disclosures, nanos[MEASURED / 2] / 1000.0, nanos[MEASURED * 9 / 10] / 1000.0,
          nanos[MEASURED * 99 / 100] / 1000.0);
    }
  }
}
