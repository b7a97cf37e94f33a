package org.caseway.gateway.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.gateway.accept.AcceptProperties;
import org.caseway.gateway.accept.BundleReader;
import org.caseway.gateway.accept.JsonShapeCheck;
import org.caseway.gateway.accept.StrictUtf8;
import org.caseway.gateway.error.GatewayException;

/**
 * What the accept path does with any bytes at all, before the journal: decode, check the JSON's
 * shape, parse, read the envelope, validate. Every input either passes or is refused with the
 * gateway's own exception (a clean 4xx; a nonconformant message is one too); anything else (a parser's runtime exception, a stack
 * overflow, an out-of-memory) is a finding.
 */
class AcceptJsonFuzzTest {

  private static final ImplementationGuide GUIDE = ImplementationGuide.load();
  private static final CasewayValidator VALIDATOR = new CasewayValidator(GUIDE);
  private static final BundleReader READER =
      new BundleReader(GUIDE.fhirContext(), VALIDATOR, new JsonShapeCheck(AcceptProperties.defaults()));

  @FuzzTest(maxDuration = "30s")
  void refusesCleanlyOrAccepts(byte[] input) {
    try {
      String json = StrictUtf8.decode(input);
      READER.read(json);
      VALIDATOR.validate(json);
    } catch (GatewayException refused) {
      // A clean refusal: what the partner gets back as an OperationOutcome.
    }
  }
}
