package org.caseway.bench;

import java.util.concurrent.TimeUnit;
import org.caseway.mappings.Mapper;
import org.caseway.mappings.MappingInput;
import org.caseway.mappings.MappingResult;
import org.caseway.mappings.Mappings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Each Northshire mapping on one committed fixture input, without validation (that is {@link
 * ValidationBenchmark}): inbound, police CSV (a file of three incidents, three messages), council
 * JSON, housing's tenancy roll (four tenancies), probation's Kafka JSON and the trust's FHIR (both
 * the {@code canonical} mapping, which parses and re-encodes); outbound, a view to the council's
 * partner notifications (two people) and to housing's SOAP alerts. The outbound Kafka JSON of
 * probation and the police is {@link OutboundJsonBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MappingBenchmark {

  @Param({
      "police-rms-csv/sample/ASB_EXPORT_20261103091500.csv",
      "council-asb-case/case-opened-sample-00822/case.json",
      "housing-tenancy-roll/sample/TENANCY_ROLL_20261103.csv",
      "canonical/probation-iom-cohort-changed/Bundle-example-iom-cohort-changed.json",
      "canonical/trust-risk-flag-raised/Bundle-example-risk-flag-raised.json",
      "council-notification/incident-view-two-people/view.json",
      "housing-tenancy-alert/incident-first-risk-to-staff/view.json"})
  public String fixture;

  private Mapper mapper;
  private MappingInput input;

  @Setup
  public void setUp() {
    MappingFixture f = MappingFixture.parse(fixture);
    mapper = Mappings.onClasspath().mapper(f.mapping());
    input = f.input();
    MappingResult result = mapper.map(input);
    if (result.outputs().isEmpty() || !result.errors().isEmpty()) {
      throw new IllegalStateException(fixture + " maps to " + result.outputs().size() + " outputs with errors "
          + result.errors() + ": the benchmark would time a refusal");
    }
  }

  @Benchmark
  public MappingResult map() {
    return mapper.map(input);
  }
}
