package org.caseway.bench;

import ca.uhn.fhir.parser.IParser;
import java.util.concurrent.TimeUnit;
import org.caseway.conformance.ImplementationGuide;
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
 * HAPI FHIR's JSON parse and encode of the canonical messages: the ceiling for any FHIR pipeline
 * on this machine, and the yardstick the other figures are given as ratios of.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FhirCodecBenchmark {

  @Param({"incident-reported", "risk-flag-raised", "case-opened", "iom-cohort-changed", "referral"})
  public String event;

  private IParser parser;
  private String json;
  private Bundle bundle;

  @Setup
  public void setUp() {
    parser = ImplementationGuide.load().fhirContext().newJsonParser();
    json = CanonicalMessages.json(event);
    bundle = parser.parseResource(Bundle.class, json);
  }

  @Benchmark
  public Bundle parse() {
    return parser.parseResource(Bundle.class, json);
  }

  @Benchmark
  public String encode() {
    return parser.encodeResourceToString(bundle);
  }

  @Benchmark
  public String parseAndEncode() {
    return parser.encodeResourceToString(parser.parseResource(Bundle.class, json));
  }
}
