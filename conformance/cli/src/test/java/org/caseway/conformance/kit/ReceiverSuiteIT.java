package org.caseway.conformance.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.northshire.simulators.TrustSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The receiver suite over real HTTP: it passes the reference receiver (the mental health trust's
 * simulator) at level full, and fails a deliberately broken receiver naming each failing assert.
 */
class ReceiverSuiteIT {

  private static CasewayValidator validator;
  private static ConformanceKit kit;

  @BeforeAll
  static void buildTheKit() {
    validator = new CasewayValidator(ImplementationGuide.load());
    validator.warmUp();
    kit = new ConformanceKit(validator);
  }

  @Test
  void theTrustSimulatorPassesAtLevelFull() {
    try (TrustSimulator trust = TrustSimulator.start(0, validator)) {
      SuiteResult result = kit.run("receiver", trust.fhirBase(), KitOptions.defaults());

      assertThat(result.tests()).as(Describe.of(result)).allSatisfy(test -> assertThat(test.outcome()).isEqualTo(Outcome.PASS));
      assertThat(result.levelReached()).contains(Level.FULL);
      assertThat(result.passed()).isTrue();
      assertThat(result.tests()).extracting(TestResult::id).contains(
          "receiver-accepts-every-event/accepts-referral",
          "receiver-refuses-invalid/refuses-a-bad-nhs-number",
          "receiver-repeat/acknowledges-a-repeat",
          "receiver-repeat-recognised/says-a-repeat-was-not-processed-again",
          "receiver-timing/answers-within-the-agreed-time");
      assertThat(trust.received()).as("every event once, plus the repeat tests' messages once each").hasSize(9 + 1 + 1 + 1);
    }
  }

  @Test
  void aBrokenReceiverFailsWithAReasonForEachFailingAssert() {
    try (BrokenReceiver broken = BrokenReceiver.start(1500)) {
      SuiteResult result = kit.run("receiver", broken.fhirBase(), KitOptions.defaults().withVariable("responseWithin", "PT1S"));
      Map<String, TestResult> tests = result.tests().stream().collect(Collectors.toMap(TestResult::id, Function.identity()));

      assertThat(result.passed()).isFalse();
      assertThat(result.levelReached()).isEmpty();
      assertThat(tests.get("receiver-refuses-invalid/refuses-a-bad-nhs-number").outcome()).isEqualTo(Outcome.FAIL);
      assertThat(failures(tests.get("receiver-refuses-invalid/refuses-a-bad-nhs-number")))
          .anySatisfy(m -> assertThat(m).startsWith("The message is refused: HTTP 400 or 422: expected HTTP status one of 400, 422, got 200"));
      assertThat(failures(tests.get("receiver-refuses-invalid/refuses-what-is-not-json")))
          .anySatisfy(m -> assertThat(m).contains("got 200"));
      assertThat(failures(tests.get("receiver-accepts-every-event/accepts-referral")))
          .anySatisfy(m -> assertThat(m).isEqualTo("The answer is a Bundle: expected a Bundle, got a OperationOutcome"))
          .anySatisfy(m -> assertThat(m).isEqualTo("The response says ok (MessageHeader.response.code): found nothing where 'ok' was expected (entry.first().resource.response.code)"));
      assertThat(failures(tests.get("receiver-repeat-recognised/says-a-repeat-was-not-processed-again")))
          .anySatisfy(m -> assertThat(m).startsWith("The answer to the repeat says it was received before and not processed again"));
      assertThat(failures(tests.get("receiver-timing/answers-within-the-agreed-time")))
          .anySatisfy(m -> assertThat(m).matches("The answer came within the agreed time \\(responseWithin\\): the answer took 1\\.[5-9] s, more than the agreed 1\\.0 s"));
      assertThat(tests.get("receiver-accepts-every-event/accepts-referral").reason()).isPresent();
    }
  }

  @Test
  void aReceiverThatIsNotThereErrsEachTestSayingSo() {
    SuiteResult result = kit.run("receiver", "http://localhost:1/fhir", KitOptions.defaults().withLevel(Level.CORE));

    assertThat(result.tests()).filteredOn(test -> test.level() == Level.CORE)
        .allSatisfy(test -> {
          assertThat(test.outcome()).isEqualTo(Outcome.ERROR);
          assertThat(test.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("could not connect"));
        });
    assertThat(result.tests()).filteredOn(test -> test.level() == Level.FULL)
        .allSatisfy(test -> assertThat(test.outcome()).isEqualTo(Outcome.SKIP));
  }

  private static List<String> failures(TestResult test) {
    return test.problems().stream().map(Step::message).toList();
  }
}
