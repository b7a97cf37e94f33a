package org.caseway.bench;

import java.util.concurrent.TimeUnit;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.conformance.validation.ValidationReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Full profile validation of a canonical message, as the accept path does it (warm validator). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ValidationBenchmark {

  @Param({"incident-reported", "risk-flag-raised", "case-opened", "iom-cohort-changed", "referral"})
  public String event;

  private CasewayValidator validator;
  private String json;

  @Setup
  public void setUp() {
    validator = new CasewayValidator(ImplementationGuide.load());
    validator.warmUp();
    json = CanonicalMessages.json(event);
    if (validator.validate(json).hasErrors()) {
      throw new IllegalStateException("The example " + event + " does not validate: fix the guide first");
    }
  }

  @Benchmark
  public ValidationReport validate() {
    return validator.validate(json);
  }
}
