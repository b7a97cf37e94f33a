package org.caseway.conformance.validation.fastpath;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseway.conformance.Examples;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.conformance.validation.CasewayValidator.Mode;
import org.caseway.conformance.validation.ValidationReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fast path against the full validator, side by side, on the whole corpus: soundness (what the
 * fast path accepts, the full validator reports nothing for, not even a warning) and coverage
 * (every example and fixture is accepted by the fast path, or it buys nothing).
 */
class FastPathSoundnessTest {

  private static FastPath fastPath;
  private static CasewayValidator withFastPath;
  private static CasewayValidator full;

  @BeforeAll
  static void build() {
    ImplementationGuide guide = ImplementationGuide.load();
    fastPath = new FastPath(guide);
    withFastPath = new CasewayValidator(guide, Mode.FAST_PATH);
    full = new CasewayValidator(guide, Mode.FULL_ALWAYS);
  }

  @Test
  void everyExampleAndFixtureTakesTheFastPathAndConformsFully() {
    Map<String, String> corpus = new LinkedHashMap<>(Corpus.examples());
    corpus.putAll(Corpus.fixtures());
    List<String> notAccepted = new ArrayList<>();
    List<String> notConforming = new ArrayList<>();
    corpus.forEach((name, json) -> {
      FastPath.Verdict verdict = fastPath.check(json);
      if (!verdict.conforms()) {
        notAccepted.add(name + ": " + verdict.fallBackReason());
      }
      ValidationReport report = full.validate(json);
      if (!report.issues().isEmpty()) {
        notConforming.add(name + ": " + report.issues());
      }
    });

    assertThat(corpus).hasSizeGreaterThan(40);
    assertThat(notConforming).as("corpus documents the full validator finds fault with").isEmpty();
    assertThat(notAccepted).as("corpus documents the fast path falls back on (coverage)").isEmpty();
  }

  @Test
  void whatTheFastPathAcceptsOfTheMutationsTheFullValidatorReportsNothingFor() {
    Map<String, String> mutants = new LinkedHashMap<>();
    Corpus.examples().forEach((name, json) ->
        Mutations.of(json).forEach((change, mutant) -> mutants.put(name + " " + change, mutant)));
    mutants.putAll(knownRefusals());
    int accepted = 0;
    List<String> unsound = new ArrayList<>();
    for (Map.Entry<String, String> mutant : mutants.entrySet()) {
      if (fastPath.check(mutant.getValue()).conforms()) {
        accepted++;
        // The contract: with the fast path, the same report as the full validator's (which is
        // empty, unless the MessageDefinition check finds something and the validator falls back).
        ValidationReport expected = full.validate(mutant.getValue());
        ValidationReport actual = withFastPath.validate(mutant.getValue());
        if (!actual.equals(expected)) {
          unsound.add(mutant.getKey() + ": " + expected.issues());
        }
      }
    }
    System.out.printf("Fast path soundness: %d mutants, %d accepted by the fast path and checked by the full validator%n",
        mutants.size(), accepted);

    assertThat(mutants).hasSizeGreaterThan(5_000);
    assertThat(accepted).as("mutants the fast path accepts (removing optional elements, say)").isPositive();
    assertThat(unsound).as("accepted by the fast path, but not conforming").isEmpty();
  }

  @Test
  void theKnownRefusalsAllFallBack() {
    knownRefusals().forEach((name, json) ->
        assertThat(fastPath.check(json).conforms()).as(name).isFalse());
  }

  /** The refusals CasewayValidatorTest pins, by name. */
  private static Map<String, String> knownRefusals() {
    String riskFlag = Examples.text(Examples.RISK_FLAG_RAISED);
    return Map.of(
        "NHS number with a bad modulus-11 check digit", riskFlag.replace("9434765919", "9434765918"),
        "NHS number of the wrong length", riskFlag.replace("9434765919", "943476591"),
        "unknown element sex", riskFlag.replace("\"gender\": \"male\"", "\"sex\": \"male\""),
        "source endpoint not a partner URN", riskFlag.replace("urn:caseway:partner:northshire-mh-trust", "https://mh-trust.example/fhir"),
        "entry without a Caseway profile", riskFlag.replace(
            "\"https://caseway.example/fhir/StructureDefinition/caseway-subject\"", "\"http://hl7.org/fhir/StructureDefinition/Patient\""),
        "truncated", riskFlag.substring(0, riskFlag.length() / 2));
  }
}
