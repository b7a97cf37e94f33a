package org.caseway.conformance.kit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A suite result made by hand, one test of each outcome, with a hostile response body. */
public final class SampleResults {

  /** What a hostile (or merely careless) target sent back: markup, a control character. */
  public static final String HOSTILE_BODY = "<script>alert('owned')</script>\u0001<b>bold</b> & more";

  private SampleResults() {}

  public static SuiteResult mixed() {
    Exchange accepted = new Exchange("POST", "http://localhost:9/fhir/$process-message",
        Map.of("Content-Type", "application/fhir+json", "Authorization", "Bearer (redacted)"), "{\"resourceType\":\"Bundle\"}",
        200, Map.of("content-type", List.of("text/html")), HOSTILE_BODY, Duration.ofMillis(12), Optional.empty());
    TestResult pass = new TestResult("receiver-timing", "answers-within-the-agreed-time", "Answers in time", Level.CORE, Outcome.PASS,
        Optional.empty(), List.of(Step.operation("Send a message", Outcome.PASS, accepted.summary(), accepted),
            Step.assertion("in-time", Outcome.PASS, "The answer came within the agreed time")), Duration.ofMillis(20));
    TestResult fail = new TestResult("receiver-refuses-invalid", "refuses-a-bad-nhs-number", "A bad NHS number is refused", Level.CORE,
        Outcome.FAIL, Optional.of("The message is refused: HTTP 400 or 422: expected HTTP status one of 400, 422, got 200"),
        List.of(Step.operation("Send a bad message", Outcome.PASS, accepted.summary(), accepted),
            Step.assertion("refused", Outcome.FAIL, "The message is refused: HTTP 400 or 422: expected HTTP status one of 400, 422, got 200"),
            Step.assertion("an-operation-outcome", Outcome.PASS, "The refusal is an OperationOutcome")), Duration.ofMillis(30));
    Exchange unanswered = new Exchange("POST", "http://localhost:1/fhir/$process-message", Map.of(), "{}", 0, Map.of(), "",
        Duration.ofMillis(3), Optional.of("could not connect (Connection refused): is the target running at that address?"));
    TestResult error = new TestResult("receiver-repeat", "acknowledges-a-repeat", "", Level.CORE, Outcome.ERROR,
        Optional.of("Send a referral: POST http://localhost:1/fhir/$process-message → no answer: could not connect"),
        List.of(Step.operation("Send a referral", Outcome.ERROR, "Send a referral: " + unanswered.summary(), unanswered)), Duration.ofMillis(3));
    TestResult skip = new TestResult("receiver-repeat-recognised", "says-a-repeat-was-not-processed-again", "", Level.FULL, Outcome.SKIP,
        Optional.of("Not run: level full is above the requested level core"), List.of(), Duration.ZERO);
    return new SuiteResult("receiver", "http://localhost:9/fhir", Optional.of("northshire-mh-trust"), Level.CORE,
        List.of(pass, fail, error, skip), Instant.parse("2026-12-01T10:00:00Z"), Duration.ofMillis(1234));
  }
}
