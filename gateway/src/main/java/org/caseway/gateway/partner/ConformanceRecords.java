package org.caseway.gateway.partner;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.GatewayException;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.TestReport;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The conformance levels partners have passed ({@code partner_conformance}, V15), recorded by the
 * data sharing manager from the conformance kit's TestReports, and the rule that an onboarding
 * partner is switched on only once it has passed the {@code core} level of a suite. Thread-safe.
 */
public class ConformanceRecords {

  /** The kit's extension on a TestReport naming the level reached (caseway-suites/definitions). */
  static final String LEVEL_REACHED = "https://caseway.example/fhir/StructureDefinition/conformance-kit-level-reached";
  static final Set<String> LEVELS = Set.of("core", "full");

  /**
   * One recorded pass.
   *
   * @param level {@code core} or {@code full}
   */
  public record Passed(String partnerId, String suite, String level, String reportId, String recordedBy,
      Instant recordedAt) {}

  private final JdbcClient jdbc;
  private final FhirContext fhir;
  private final Clock clock;

  public ConformanceRecords(JdbcClient jdbc, FhirContext fhir, Clock clock) {
    this.jdbc = jdbc;
    this.fhir = fhir;
    this.clock = clock;
  }

  /**
   * Records a passing TestReport for the partner.
   *
   * @throws GatewayException {@link ErrorCode#ADMIN_REQUEST_INVALID} when it is not a completed,
   *     passing TestReport of the kit about this partner, saying which
   */
  public Passed record(String partnerId, String testReportJson, String recordedBy) {
    TestReport report = read(testReportJson);
    String level = levelReached(report);
    requireAbout(report, partnerId);
    if (report.getResult() != TestReport.TestReportResult.PASS) {
      throw invalid("the TestReport's result is " + report.getResult().toCode() + ", not pass: a partner is recorded"
          + " only for a suite it passed");
    }
    String suite = report.getTestScript().getIdentifier().getValue();
    String reportId = report.getIdElement().getIdPart();
    Instant now = clock.instant();
    jdbc.sql("INSERT INTO partner_conformance (partner_id, suite, level_code, report_id, recorded_by, recorded_at,"
            + " test_report) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(partnerId, suite == null ? "?" : suite, level, reportId == null ? "?" : reportId, recordedBy,
            Timestamp.from(now), testReportJson)
        .update();
    return new Passed(partnerId, suite, level, reportId, recordedBy, now);
  }

  public List<Passed> of(String partnerId) {
    return jdbc.sql("SELECT partner_id, suite, level_code, report_id, recorded_by, recorded_at FROM partner_conformance"
            + " WHERE partner_id = ? ORDER BY record_id")
        .param(partnerId)
        .query((row, n) -> new Passed(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
            row.getString(5), row.getTimestamp(6).toInstant()))
        .list();
  }

  /** Whether the partner has passed the core level (or above) of some suite. */
  public boolean passedCore(String partnerId) {
    return !of(partnerId).isEmpty();
  }

  private TestReport read(String json) {
    try {
      return fhir.newJsonParser().parseResource(TestReport.class, json);
    } catch (DataFormatException | ClassCastException e) {
      throw invalid("the body is not a FHIR TestReport in JSON (send the kit's testreport.json)");
    }
  }

  private static String levelReached(TestReport report) {
    Extension reached = report.getExtensionByUrl(LEVEL_REACHED);
    String level = reached == null || reached.getValue() == null ? null : reached.getValue().primitiveValue();
    if (level == null || !LEVELS.contains(level)) {
      throw invalid("the TestReport names no level reached (" + LEVEL_REACHED + "): no level of the suite passed");
    }
    return level;
  }

  private static void requireAbout(TestReport report, String partnerId) {
    boolean about = report.getParticipant().stream()
        .anyMatch(p -> ("urn:caseway:partner:" + partnerId).equals(p.getUri()));
    if (!about) {
      throw invalid("the TestReport is not about " + partnerId + " (no participant urn:caseway:partner:" + partnerId
          + "): run the kit with --partner " + partnerId);
    }
  }

  private static GatewayException invalid(String why) {
    return new GatewayException(ErrorCode.ADMIN_REQUEST_INVALID, "Not recorded: " + why + ".");
  }
}
