package org.caseway.gateway.channels;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.util.Map;
import org.caseway.gateway.identity.TenancyRollEntry;
import org.caseway.mappings.Mapper;
import org.caseway.mappings.MappingException;
import org.caseway.mappings.MappingInput;
import org.caseway.mappings.MappingOutput;
import org.caseway.mappings.MappingResult;
import org.caseway.mappings.Mappings;
import org.junit.jupiter.api.Timeout;

/**
 * Housing's tenancy roll (housing-soap.md) as any bytes at all: the shipped
 * {@code housing-tenancy-roll} mapping refuses the file or its bad rows, and every record it lets
 * through becomes an identity-index entry with the demographics linking matches on. A record the
 * mapping passes but the identity feed cannot use would fail the whole roll in the gateway (set
 * aside as Caseway's fault, the roll's good rows unlearnt): that is a finding. Seeded with the
 * partnership's sample roll and the mapping's fixtures.
 */
class TenancyRollFuzzTest {

  private static final int MAX_INPUT_BYTES = 64 * 1024;
  private static final Duration SLOW = Duration.ofSeconds(5);
  private static final String NAME = "TENANCY_ROLL_20261103.csv";
  private static final Mapper ROLL = Mappings.onClasspath().mapper("housing-tenancy-roll");

  @FuzzTest(maxDuration = "10s")
  @Timeout(value = 60, unit = SECONDS)
  void linksEveryRowItLetsThrough(byte[] roll) {
    if (roll.length > MAX_INPUT_BYTES) {
      return;
    }
    long started = System.nanoTime();
    MappingResult result;
    try {
      result = ROLL.map(new MappingInput(NAME, roll, Map.of()));
    } catch (MappingException refused) {
      assertThat(refused.getMessage()).as("the refusal names the file").contains(NAME);
      return;
    }
    for (MappingOutput record : result.outputs()) {
      TenancyRollEntry entry = TenancyRollFeed.entry(record);
      assertThat(entry.demographics()).isNotNull();
    }
    result.errors().forEach(error -> assertThat(error.reason()).isNotBlank());
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time to take the roll").isLessThan(SLOW);
  }
}
