package org.caseway.conformance.kit.report;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caseway.conformance.kit.SuiteResult;

/**
 * Writes the three reports of a suite run into a folder: {@code caseway-<suite>-testreport.json}
 * (FHIR TestReport), {@code TEST-caseway-<suite>.xml} (JUnit XML, named as Surefire names its
 * files so CI report plugins find it) and {@code caseway-<suite>-report.html}.
 *
 * @param testReport the FHIR TestReport file
 * @param junitXml the JUnit XML file
 * @param html the HTML page
 */
public record ReportFiles(Path testReport, Path junitXml, Path html) {

  /**
   * @throws IOException if the folder cannot be created or a file written
   */
  public static ReportFiles write(SuiteResult result, Path folder, FhirContext fhir) throws IOException {
    Files.createDirectories(folder);
    ReportFiles files = new ReportFiles(
        folder.resolve("caseway-" + result.suite() + "-testreport.json"),
        folder.resolve("TEST-caseway-" + result.suite() + ".xml"),
        folder.resolve("caseway-" + result.suite() + "-report.html"));
    Files.writeString(files.testReport(), TestReportWriter.toJson(result, fhir), StandardCharsets.UTF_8);
    Files.writeString(files.junitXml(), JUnitXmlWriter.toXml(result), StandardCharsets.UTF_8);
    Files.writeString(files.html(), HtmlReportWriter.toHtml(result), StandardCharsets.UTF_8);
    return files;
  }
}
