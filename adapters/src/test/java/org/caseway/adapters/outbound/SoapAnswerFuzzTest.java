package org.caseway.adapters.outbound;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;

/**
 * Housing's tenancy alert service (housing-soap.md) answering with any body at all: the gateway
 * reads a SOAP 1.1 response or fault from it, or finds it is no SOAP answer (and then judges the
 * call by its HTTP status). Nothing a partner answers may throw from the parser, expand an entity
 * or take long. Seeded with the documented answers (accepted, duplicate, client and server faults)
 * and the hostile ones of {@link SoapAnswerTest}.
 */
class SoapAnswerFuzzTest {

  private static final int MAX_INPUT_BYTES = 64 * 1024;
  private static final Duration SLOW = Duration.ofSeconds(2);

  @FuzzTest(maxDuration = "10s")
  @Timeout(value = 60, unit = SECONDS)
  void readsAnAnswerOrNone(byte[] body) {
    if (body.length > MAX_INPUT_BYTES) {
      return;
    }
    long started = System.nanoTime();
    Optional<SoapAnswer> answer = SoapAnswer.read(new String(body, StandardCharsets.UTF_8));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time to read the answer").isLessThan(SLOW);
    answer.ifPresent(read -> {
      assertThat(read.faultString()).isNotNull();
      assertThat(read.isFault() || read.detailCode().isEmpty()).as("a detail code only in a fault").isTrue();
    });
  }
}
