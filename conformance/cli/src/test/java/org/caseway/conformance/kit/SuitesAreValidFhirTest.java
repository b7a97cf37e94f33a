package org.caseway.conformance.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every TestScript of the kit's suites is valid FHIR R4 (with the kit's extensions), and the index lists them all. */
class SuitesAreValidFhirTest {

  @Test
  void everyTestScriptIsValidR4() {
    KitResourceValidator validator = new KitResourceValidator();
    List<String> scripts = GuideExamples.text("caseway-suites/index.txt").lines()
        .filter(line -> line.contains("/TestScript-"))
        .toList();

    assertThat(scripts).hasSizeGreaterThanOrEqualTo(13);
    assertThat(scripts).allSatisfy(script ->
        assertThat(validator.errors(GuideExamples.text("caseway-suites/" + script))).as(script).isEmpty());
  }

  @Test
  void theKitHasTheThreeSuites() {
    assertThat(ConformanceKit.suites()).containsExactly("gateway", "receiver", "sender");
  }
}
