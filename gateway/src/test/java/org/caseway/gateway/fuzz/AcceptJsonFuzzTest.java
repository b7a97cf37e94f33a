package org.caseway.gateway.fuzz;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.gateway.accept.AcceptProperties;
import org.caseway.gateway.accept.BundleReader;
import org.caseway.gateway.accept.JsonShapeCheck;
import org.caseway.gateway.accept.StrictUtf8;
import org.caseway.gateway.error.GatewayException;
import org.junit.jupiter.api.Timeout;

/**
 * What the accept path does with any bytes at all, before the journal: decode, check the JSON's
 * shape, parse, read the envelope, validate. Every input either passes or is refused with the
 * gateway's own exception (a clean 4xx; a nonconformant message is one too); anything else (a parser's runtime exception, a stack
 * overflow, an out-of-memory) is a finding.
 */
class AcceptJsonFuzzTest {

  /** Larger bodies are refused by size before any of this runs (caseway.accept.max-message-bytes). */
  private static final int MAX_INPUT_BYTES = 64 * 1024;

  private static final ImplementationGuide GUIDE = ImplementationGuide.load();
  private static final CasewayValidator VALIDATOR = new CasewayValidator(GUIDE);
  private static final BundleReader READER =
      new BundleReader(GUIDE.fhirContext(), VALIDATOR, new JsonShapeCheck(AcceptProperties.defaults()));

  @FuzzTest(maxDuration = "10s")
  @Timeout(value = 120, unit = SECONDS)
  void refusesCleanlyOrAccepts(byte[] input) {
    if (input.length > MAX_INPUT_BYTES) {
      return;
    }
    try {
      String json = StrictUtf8.decode(input);
      READER.read(json);
      VALIDATOR.validate(json);
    } catch (GatewayException refused) {
      // A clean refusal: what the partner gets back as an OperationOutcome, saying what to fix.
      assertThat(refused.code()).isNotNull();
      assertThat(refused.getMessage()).isNotBlank().hasSizeLessThan(4_000).doesNotContain("\tat ");
    }
  }
}
