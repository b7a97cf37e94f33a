package org.caseway.conformance.kit.report;

import ca.uhn.fhir.context.FhirContext;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.caseway.conformance.kit.Exchange;
import org.caseway.conformance.kit.Level;
import org.caseway.conformance.kit.Outcome;
import org.caseway.conformance.kit.Step;
import org.caseway.conformance.kit.SuiteResult;
import org.caseway.conformance.kit.TestResult;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.TestReport;
import org.hl7.fhir.r4.model.TestReport.TestActionComponent;
import org.hl7.fhir.r4.model.TestReport.TestReportActionResult;
import org.hl7.fhir.r4.model.TestReport.TestReportParticipantType;
import org.hl7.fhir.r4.model.TestReport.TestReportResult;
import org.hl7.fhir.r4.model.TestReport.TestReportTestComponent;

/**
 * A suite result as a FHIR R4 TestReport, the evidence the gateway records.
 *
 * <ul>
 *   <li>{@code result}: {@code pass} when the requested level was reached, else {@code fail};
 *       {@code score}: the percentage of the tests run (not skipped) that passed;
 *   <li>extension {@value Level#REACHED_EXTENSION} ({@code valueCode} {@code core} or {@code
 *       full}): the level reached; absent when none was;
 *   <li>{@code testScript}: the suite, by identifier (system {@value #SUITE_SYSTEM}, value the
 *       suite's name);
 *   <li>{@code participant}: the kit, the target, and {@code urn:caseway:partner:{id}} for the
 *       partner under test when it was named;
 *   <li>one {@code test} per test, named {@code script/name}, carrying the extension {@value
 *       Level#EXTENSION} with its level, one action per operation (message: the request line and
 *       the truncated bodies) and per assert (message: what it checks and, unless it passed, what
 *       was found). A test skipped without running has one skipped assert giving the reason.
 * </ul>
 */
public final class TestReportWriter {

  /** The identifier system naming a suite. */
  public static final String SUITE_SYSTEM = "https://caseway.example/fhir/conformance-kit/suite";
  private static final String KIT_URI = "https://caseway.example/fhir/conformance-kit";
  private static final int MAX_BODY = 2_000;

  private static final Map<Outcome, TestReportActionResult> RESULTS = Map.of(
      Outcome.PASS, TestReportActionResult.PASS,
      Outcome.WARNING, TestReportActionResult.WARNING,
      Outcome.SKIP, TestReportActionResult.SKIP,
      Outcome.FAIL, TestReportActionResult.FAIL,
      Outcome.ERROR, TestReportActionResult.ERROR);

  private TestReportWriter() {}

  /** A new TestReport for the result. */
  public static TestReport toTestReport(SuiteResult result) {
    TestReport report = new TestReport();
    report.setId(UUID.randomUUID().toString());
    report.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + report.getIdElement().getIdPart()));
    result.levelReached().ifPresent(level -> report.addExtension(Level.REACHED_EXTENSION, new CodeType(level.code())));
    report.setName("Caseway conformance: " + result.suite() + " suite against " + result.target());
    report.setStatus(TestReport.TestReportStatus.COMPLETED);
    report.setTestScript(new Reference()
        .setIdentifier(new Identifier().setSystem(SUITE_SYSTEM).setValue(result.suite()))
        .setDisplay("Caseway conformance suite '" + result.suite() + "'"));
    report.setResult(result.passed() ? TestReportResult.PASS : TestReportResult.FAIL);
    report.setScore(score(result));
    report.setTester("caseway-conformance.jar (Caseway conformance kit)");
    report.setIssued(Date.from(result.started()));
    addParticipants(report, result);
    result.tests().forEach(test -> report.addTest(test(test)));
    return report;
  }

  /** The TestReport as pretty-printed JSON. */
  public static String toJson(SuiteResult result, FhirContext fhir) {
    return fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(toTestReport(result));
  }

  private static void addParticipants(TestReport report, SuiteResult result) {
    report.addParticipant().setType(TestReportParticipantType.TESTENGINE).setUri(KIT_URI).setDisplay("Caseway conformance kit");
    boolean http = result.target().startsWith("http://") || result.target().startsWith("https://");
    if (http) {
      report.addParticipant().setType(TestReportParticipantType.SERVER).setUri(result.target()).setDisplay("the target tested");
    }
    result.partner().ifPresent(partner -> report.addParticipant()
        .setType(http ? TestReportParticipantType.SERVER : TestReportParticipantType.CLIENT)
        .setUri("urn:caseway:partner:" + partner)
        .setDisplay("partner " + partner));
  }

  private static double score(SuiteResult result) {
    long run = result.tests().stream().filter(test -> test.outcome() != Outcome.SKIP).count();
    long passed = result.tests().stream().filter(test -> test.outcome() == Outcome.PASS).count();
    return run == 0 ? 0 : Math.round(1000.0 * passed / run) / 10.0;
  }

  private static TestReportTestComponent test(TestResult test) {
    TestReportTestComponent component = new TestReportTestComponent();
    component.addExtension(Level.EXTENSION, new CodeType(test.level().code()));
    component.setName(test.id());
    if (!test.description().isEmpty()) {
      component.setDescription(test.description());
    }
    for (Step step : test.steps()) {
      component.addAction(action(step));
    }
    if (test.steps().isEmpty()) {
      TestActionComponent skipped = new TestActionComponent();
      skipped.getAssert().setResult(RESULTS.get(test.outcome())).setMessage(test.reason().orElse("Not run."));
      component.addAction(skipped);
    }
    return component;
  }

  private static TestActionComponent action(Step step) {
    TestActionComponent action = new TestActionComponent();
    if (step.kind() == Step.Kind.OPERATION) {
      action.getOperation().setResult(RESULTS.get(step.outcome())).setMessage(operationMessage(step));
      step.exchange().ifPresent(exchange -> action.getOperation().setDetail(exchange.url()));
    } else {
      action.getAssert().setResult(RESULTS.get(step.outcome())).setMessage(step.message());
    }
    return action;
  }

  private static String operationMessage(Step step) {
    if (step.exchange().isEmpty()) {
      return step.message();
    }
    Exchange exchange = step.exchange().get();
    StringBuilder message = new StringBuilder(step.label()).append(": ").append(exchange.summary());
    if (!exchange.requestBody().isEmpty()) {
      message.append("\n\nSent:\n\n```\n").append(Truncation.cut(exchange.requestBody(), MAX_BODY)).append("\n```");
    }
    if (!exchange.responseBody().isEmpty()) {
      message.append("\n\nReceived:\n\n```\n").append(Truncation.cut(exchange.responseBody(), MAX_BODY)).append("\n```");
    }
    return message.toString();
  }
}
