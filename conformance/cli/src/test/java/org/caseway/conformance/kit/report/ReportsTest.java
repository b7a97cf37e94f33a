package org.caseway.conformance.kit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.SurefireReportParser;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.kit.KitResourceValidator;
import org.caseway.conformance.kit.Level;
import org.caseway.conformance.kit.SampleResults;
import org.caseway.conformance.kit.SuiteResult;
import org.hl7.fhir.r4.model.TestReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The three reports of a hand-made result: read back as their readers read them. */
class ReportsTest {

  private final SuiteResult result = SampleResults.mixed();

  @TempDir
  Path dir;

  @Test
  void mavenSurefiresReportParserReadsTheJUnitXml() throws Exception {
    ReportFiles.write(result, dir, ImplementationGuide.load().fhirContext());

    SurefireReportParser parser = new SurefireReportParser(List.of(dir.toFile()), new NullConsoleLogger());
    List<ReportTestSuite> suites = parser.parseXMLReportFiles();

    // Surefire groups test cases by classname: one group per TestScript of the suite.
    assertThat(suites).extracting(ReportTestSuite::getFullClassName).containsExactly(
        "caseway.conformance.receiver.receiver-timing", "caseway.conformance.receiver.receiver-refuses-invalid",
        "caseway.conformance.receiver.receiver-repeat", "caseway.conformance.receiver.receiver-repeat-recognised");
    assertThat(suites.stream().mapToInt(ReportTestSuite::getNumberOfTests).sum()).isEqualTo(4);
    assertThat(suites.stream().mapToInt(ReportTestSuite::getNumberOfFailures).sum()).isEqualTo(1);
    assertThat(suites.stream().mapToInt(ReportTestSuite::getNumberOfErrors).sum()).isEqualTo(1);
    assertThat(suites.stream().mapToInt(ReportTestSuite::getNumberOfSkipped).sum()).isEqualTo(1);
    assertThat(suites.stream().flatMap(suite -> suite.getTestCases().stream())).extracting(ReportTestCase::getName).containsExactly(
        "answers-within-the-agreed-time", "refuses-a-bad-nhs-number", "acknowledges-a-repeat", "says-a-repeat-was-not-processed-again");
    List<ReportTestCase> failures = parser.getFailureDetails(suites);
    assertThat(failures).extracting(ReportTestCase::getName)
        .containsExactly("refuses-a-bad-nhs-number", "acknowledges-a-repeat", "says-a-repeat-was-not-processed-again");
    assertThat(failures.get(0).getFailureMessage())
        .isEqualTo("The message is refused: HTTP 400 or 422: expected HTTP status one of 400, 422, got 200");
    assertThat(failures.get(0).getFullClassName()).isEqualTo("caseway.conformance.receiver.receiver-refuses-invalid");
    assertThat(failures.get(1).hasError()).isTrue();
    assertThat(failures.get(2).hasSkipped()).isTrue();
    assertThat(parser.getSummary(suites)).containsEntry("totalTests", 4).containsEntry("totalFailures", 1).containsEntry("totalErrors", 1).containsEntry("totalSkipped", 1);
  }

  @Test
  void theJUnitXmlCarriesTheLevelAsPropertiesAndIsWellFormedDespiteControlCharacters() throws Exception {
    String xml = JUnitXmlWriter.toXml(result);
    File file = Files.writeString(dir.resolve("TEST-x.xml"), xml).toFile();

    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(file);

    assertThat(document.getDocumentElement().getTagName()).isEqualTo("testsuite");
    NodeList properties = document.getElementsByTagName("property");
    assertThat(property(properties, "caseway.level.reached")).isEqualTo("none");
    assertThat(property(properties, "caseway.level.requested")).isEqualTo("core");
    assertThat(property(properties, "caseway.partner")).isEqualTo("northshire-mh-trust");
    assertThat(document.getElementsByTagName("system-out").item(0).getTextContent())
        .contains("POST http://localhost:9/fhir/$process-message", "<script>alert('owned')</script>\uFFFD<b>bold</b>")
        .contains("Authorization: Bearer (redacted)");
  }

  @Test
  void theTestReportIsValidR4AndCarriesTheLevel() {
    String json = TestReportWriter.toJson(result, ImplementationGuide.load().fhirContext());

    assertThat(new KitResourceValidator().errors(json)).isEmpty();
    TestReport report = ImplementationGuide.load().fhirContext().newJsonParser().parseResource(TestReport.class, json);
    assertThat(report.getResult()).isEqualTo(TestReport.TestReportResult.FAIL);
    assertThat(report.getExtensionByUrl(Level.REACHED_EXTENSION)).as("no level reached").isNull();
    assertThat(report.getTestScript().getIdentifier().getValue()).isEqualTo("receiver");
    assertThat(report.getParticipant()).anySatisfy(p -> assertThat(p.getUri()).isEqualTo("urn:caseway:partner:northshire-mh-trust"));
    assertThat(report.getTest()).hasSize(4);
    assertThat(report.getTest().get(1).getAction()).anySatisfy(action -> {
      assertThat(action.getAssert().getResult()).isEqualTo(TestReport.TestReportActionResult.FAIL);
      assertThat(action.getAssert().getMessage()).contains("got 200");
    });
    assertThat(report.getTest().get(3).getActionFirstRep().getAssert().getResult()).isEqualTo(TestReport.TestReportActionResult.SKIP);
    assertThat(report.getTest().get(3).getExtensionByUrl(Level.EXTENSION).getValue().primitiveValue()).isEqualTo("full");
  }

  @Test
  void aPassedRunStatesTheLevelReachedInTheTestReport() {
    SuiteResult passed = new SuiteResult(result.suite(), result.target(), result.partner(), Level.CORE,
        List.of(result.tests().get(0), result.tests().get(3)), result.started(), result.elapsed());

    TestReport report = TestReportWriter.toTestReport(passed);

    assertThat(report.getResult()).isEqualTo(TestReport.TestReportResult.PASS);
    assertThat(report.getExtensionByUrl(Level.REACHED_EXTENSION).getValue().primitiveValue()).isEqualTo("core");
    assertThat(report.getScore()).isEqualByComparingTo("100");
  }

  @Test
  void theHtmlEscapesWhatTheTargetSent() {
    String html = HtmlReportWriter.toHtml(result);

    assertThat(html).doesNotContain("<script", "<b>bold</b>", "\u0001");
    assertThat(html).contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;", "&lt;b&gt;bold&lt;/b&gt; &amp; more");
    assertThat(html).contains("data-level-reached=\"none\"", "data-test=\"receiver-refuses-invalid/refuses-a-bad-nhs-number\" data-outcome=\"fail\"");
  }

  private static String property(NodeList properties, String name) {
    for (int i = 0; i < properties.getLength(); i++) {
      Element property = (Element) properties.item(i);
      if (property.getAttribute("name").equals(name)) {
        return property.getAttribute("value");
      }
    }
    return null;
  }
}
