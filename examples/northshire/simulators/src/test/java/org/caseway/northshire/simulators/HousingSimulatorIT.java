package org.caseway.northshire.simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.caseway.northshire.simulators.HousingSimulator.Alert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The housing SOAP service over real HTTP: auth, binding, alerts, faults, maintenance, delay. */
class HousingSimulatorIT {

  private static final String USER = "caseway";
  private static final String PASSWORD = "test-only-housing-password";
  private static final String BASIC = "Basic " + Base64.getEncoder()
      .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  private static final String SOAP_ACTION = "\"urn:northshirehomes:tenancy:v1/RaiseAlert\"";
  private static final ZoneId UK = ZoneId.of("Europe/London");
  /** A weekday at noon, UK time: outside the maintenance window. */
  private static final Clock NOON = Clock.fixed(at(2026, 11, 3, 12, 0), UK);

  private final List<HousingSimulator> started = new ArrayList<>();
  private HousingSimulator housing;

  @BeforeEach
  void start() {
    housing = start(Duration.ZERO, NOON);
    housing.knowSampleRoll();
  }

  @AfterEach
  void stop() {
    started.forEach(HousingSimulator::close);
  }

  @Test
  void acceptsAnAlertForATenancyItHoldsThenAnswersARepeatWithDuplicate() {
    String alertId = UUID.randomUUID().toString();

    SoapAnswer first = SoapAnswer.of(call(housing, raiseAlert(alertId, "T104233")));
    SoapAnswer repeat = SoapAnswer.of(call(housing, raiseAlert(alertId, "T104233")));

    assertThat(first).isEqualTo(new SoapAnswer(200, "ACCEPTED", null, null, null));
    assertThat(repeat).isEqualTo(new SoapAnswer(200, "DUPLICATE", null, null, null));
    assertThat(housing.alerts()).singleElement().isEqualTo(new Alert(alertId, "T104233", "Whitfield", "Dean",
        "1994-03-17", "ASB_INCIDENT", "Northshire Police", "2026-11-03T09:15:00Z",
        "ASB-PERSONAL reported at Larch Close, NN7 4QT", "HIGH", raiseAlert(alertId, "T104233")));
    assertThat(housing.calls()).isEqualTo(2);
  }

  @Test
  void holdsTheSampleRollsTenanciesAndThoseItIsTold() {
    housing.knowTenancies(List.of("T200001"));

    for (String tenancy : List.of("T104233", "T104240", "T108877", "T200001")) {
      assertThat(SoapAnswer.of(call(housing, raiseAlert(UUID.randomUUID().toString(), tenancy))).status())
          .as(tenancy).isEqualTo("ACCEPTED");
    }
    assertThat(housing.alerts()).extracting(Alert::tenancyRef).containsExactly("T104233", "T104240", "T108877", "T200001");
  }

  @Test
  void answersAnAlertForATenancyItDoesNotHoldWithAnUnknownTenancyClientFault() {
    SoapAnswer answer = SoapAnswer.of(call(housing, raiseAlert(UUID.randomUUID().toString(), "T999999")));

    assertThat(answer.httpStatus()).isEqualTo(500);
    assertThat(answer.faultCode()).isEqualTo("soapenv:Client");
    assertThat(answer.detailCode()).isEqualTo("UNKNOWN_TENANCY");
    assertThat(answer.faultString()).contains("T999999");
    assertThat(housing.alerts()).isEmpty();
  }

  @Test
  void answersAnInvalidRaiseAlertWithAnInvalidRequestFaultNamingEachField() {
    String envelope = raiseAlert("not-a-uuid", "104233")
        .replace("<ten:Surname>Whitfield</ten:Surname>", "")
        .replace("1994-03-17", "1994-02-30")
        .replace("ASB_INCIDENT", "GOSSIP")
        .replace("2026-11-03T09:15:00Z", "2026-11-03T09:15:00")
        .replace("<ten:Severity>HIGH", "<ten:Severity>CRITICAL")
        .replace("<ten:RaisedBy>Northshire Police</ten:RaisedBy>", "<ten:RaisedBy> </ten:RaisedBy>");

    SoapAnswer answer = SoapAnswer.of(call(housing, envelope));

    assertThat(answer.httpStatus()).isEqualTo(500);
    assertThat(answer.faultCode()).isEqualTo("soapenv:Client");
    assertThat(answer.detailCode()).isEqualTo("INVALID_REQUEST");
    assertThat(answer.faultString()).contains("AlertId: must be a UUID", "TenancyRef: must be T and 6 digits",
        "Tenant/Surname: is required", "Tenant/DateOfBirth: must be a date", "AlertType: must be one of",
        "RaisedBy: is empty", "RaisedOn: must be a date-time with its offset", "Severity: must be one of");
    assertThat(answer.faultString()).doesNotContain("Whitfield", "1994");
    assertThat(housing.alerts()).isEmpty();
  }

  @Test
  void answersSomethingOtherThanARaiseAlertEnvelopeWithAClientFault() {
    String soap12 = raiseAlert(UUID.randomUUID().toString(), "T104233")
        .replace("http://schemas.xmlsoap.org/soap/envelope/", "http://www.w3.org/2003/05/soap-envelope");
    String otherOperation = raiseAlert(UUID.randomUUID().toString(), "T104233").replace("RaiseAlert>", "CloseTenancy>");

    assertThat(SoapAnswer.of(call(housing, soap12)).faultCode()).isEqualTo("soapenv:VersionMismatch");
    assertThat(SoapAnswer.of(call(housing, otherOperation)))
        .extracting(SoapAnswer::faultCode, SoapAnswer::detailCode).containsExactly("soapenv:Client", "INVALID_REQUEST");
    assertThat(SoapAnswer.of(call(housing, "<notXml"))).extracting(SoapAnswer::httpStatus, SoapAnswer::detailCode)
        .containsExactly(500, "INVALID_REQUEST");
  }

  @Test
  void refusesADoctypeWithoutReadingTheEntityItNames(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "the-secret-content");
    String envelope = "<?xml version=\"1.0\"?><!DOCTYPE soapenv:Envelope [<!ENTITY xxe SYSTEM \""
        + secret.toUri() + "\">]>" + raiseAlert(UUID.randomUUID().toString(), "T104233")
        .replace("<ten:Summary>ASB-PERSONAL reported at Larch Close, NN7 4QT", "<ten:Summary>&xxe;");

    HttpResponse<String> response = call(housing, envelope);
    SoapAnswer answer = SoapAnswer.of(response);

    assertThat(answer).extracting(SoapAnswer::httpStatus, SoapAnswer::faultCode, SoapAnswer::detailCode)
        .containsExactly(500, "soapenv:Client", "INVALID_REQUEST");
    assertThat(answer.faultString()).contains("DOCTYPE");
    assertThat(response.body()).doesNotContain("the-secret-content");
    assertThat(housing.alerts()).isEmpty();
  }

  @Test
  void refusesACallWithoutTheRightBasicCredentials() {
    String envelope = raiseAlert(UUID.randomUUID().toString(), "T104233");
    String wrong = "Basic " + Base64.getEncoder().encodeToString((USER + ":guess").getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> none = Http.post(endpoint(housing), envelope, "Content-Type", "text/xml; charset=utf-8",
        "SOAPAction", SOAP_ACTION);
    HttpResponse<String> wrongPassword = Http.post(endpoint(housing), envelope, "Content-Type", "text/xml; charset=utf-8",
        "SOAPAction", SOAP_ACTION, "Authorization", wrong);

    for (HttpResponse<String> response : List.of(none, wrongPassword)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    }
    assertThat(housing.alerts()).isEmpty();
    assertThat(housing.calls()).isEqualTo(2);
  }

  @Test
  void refusesACallWithoutTheQuotedSoapActionOrTheSoap11ContentType() {
    String envelope = raiseAlert(UUID.randomUUID().toString(), "T104233");

    HttpResponse<String> unquoted = Http.post(endpoint(housing), envelope, "Content-Type", "text/xml; charset=utf-8",
        "SOAPAction", "urn:northshirehomes:tenancy:v1/RaiseAlert", "Authorization", BASIC);
    HttpResponse<String> missing = Http.post(endpoint(housing), envelope, "Content-Type", "text/xml; charset=utf-8",
        "Authorization", BASIC);
    HttpResponse<String> soap12Type = Http.post(endpoint(housing), envelope,
        "Content-Type", "application/soap+xml; charset=utf-8", "SOAPAction", SOAP_ACTION, "Authorization", BASIC);

    for (HttpResponse<String> response : List.of(unquoted, missing)) {
      assertThat(SoapAnswer.of(response)).extracting(SoapAnswer::httpStatus, SoapAnswer::faultCode, SoapAnswer::detailCode)
          .containsExactly(500, "soapenv:Client", "INVALID_REQUEST");
      assertThat(SoapAnswer.of(response).faultString()).contains("SOAPAction");
    }
    assertThat(SoapAnswer.of(soap12Type).httpStatus()).isEqualTo(415);
    assertThat(housing.alerts()).isEmpty();
  }

  @Test
  void answersTheNextCallsWithAServerFaultThenTakesTheAlert() {
    housing.serverFaultNext(2);
    String envelope = raiseAlert(UUID.randomUUID().toString(), "T104233");

    List<SoapAnswer> answers = List.of(SoapAnswer.of(call(housing, envelope)), SoapAnswer.of(call(housing, envelope)),
        SoapAnswer.of(call(housing, envelope)));

    assertThat(answers).extracting(SoapAnswer::httpStatus, SoapAnswer::faultCode, SoapAnswer::status)
        .containsExactly(
            tuple(500, "soapenv:Server", null),
            tuple(500, "soapenv:Server", null),
            tuple(200, null, "ACCEPTED"));
    assertThat(housing.alerts()).hasSize(1);
    assertThat(housing.calls()).isEqualTo(3);
  }

  @Test
  void answers503WhileInMaintenanceOnDemand() {
    String envelope = raiseAlert(UUID.randomUUID().toString(), "T104233");
    housing.maintenance(true);

    HttpResponse<String> during = call(housing, envelope);
    housing.maintenance(false);
    HttpResponse<String> after = call(housing, envelope);

    assertThat(during.statusCode()).isEqualTo(503);
    assertThat(SoapAnswer.of(after).status()).isEqualTo("ACCEPTED");
    assertThat(housing.calls()).isEqualTo(2);
  }

  @Test
  void isDownFromOneToTwoInTheMorningUkTimeWinterAndSummer() {
    HousingSimulator winterNight = start(Duration.ZERO, Clock.fixed(at(2026, 11, 4, 1, 30), UK));
    // 01:30 BST is 00:30 UTC: the window follows UK time, not UTC.
    HousingSimulator summerNight = start(Duration.ZERO, Clock.fixed(at(2026, 7, 1, 1, 30), ZoneOffset.UTC));
    HousingSimulator justAfter = start(Duration.ZERO, Clock.fixed(at(2026, 11, 4, 2, 0), UK));
    justAfter.knowSampleRoll();
    String envelope = raiseAlert(UUID.randomUUID().toString(), "T104233");

    assertThat(call(winterNight, envelope).statusCode()).isEqualTo(503);
    assertThat(call(summerNight, envelope).statusCode()).isEqualTo(503);
    assertThat(SoapAnswer.of(call(justAfter, envelope)).status()).isEqualTo("ACCEPTED");
  }

  @Test
  void withoutTheNightlyWindowAnswersAtAnyHour() {
    HousingSimulator winterNight = start(Duration.ZERO, Clock.fixed(at(2026, 11, 4, 1, 30), UK));
    winterNight.knowSampleRoll();
    winterNight.nightlyMaintenance(false);

    String envelope = raiseAlert(UUID.randomUUID().toString(), "T104233");
    assertThat(SoapAnswer.of(call(winterNight, envelope)).status()).isEqualTo("ACCEPTED");
    winterNight.maintenance(true);
    assertThat(call(winterNight, envelope).statusCode()).as("maintenance on demand still holds").isEqualTo(503);
  }

  @Test
  void delaysEveryAnswerByTheConfiguredDelay() {
    Duration delay = Duration.ofMillis(300);
    HousingSimulator slow = start(delay, NOON);
    slow.knowSampleRoll();

    long started = System.nanoTime();
    SoapAnswer accepted = SoapAnswer.of(call(slow, raiseAlert(UUID.randomUUID().toString(), "T104233")));
    Duration acceptedAfter = Duration.ofNanos(System.nanoTime() - started);
    started = System.nanoTime();
    int unauthorised = Http.post(endpoint(slow), "<x/>", "Content-Type", "text/xml; charset=utf-8").statusCode();
    Duration refusedAfter = Duration.ofNanos(System.nanoTime() - started);

    assertThat(accepted.status()).isEqualTo("ACCEPTED");
    assertThat(acceptedAfter).isGreaterThanOrEqualTo(delay);
    assertThat(unauthorised).isEqualTo(401);
    assertThat(refusedAfter).isGreaterThanOrEqualTo(delay);
  }

  private HousingSimulator start(Duration delay, Clock clock) {
    HousingSimulator simulator = HousingSimulator.start(0, USER, PASSWORD, delay, clock);
    started.add(simulator);
    return simulator;
  }

  private static HttpResponse<String> call(HousingSimulator simulator, String envelope) {
    return Http.post(endpoint(simulator), envelope, "Content-Type", "text/xml; charset=utf-8",
        "SOAPAction", SOAP_ACTION, "Authorization", BASIC);
  }

  private static String endpoint(HousingSimulator simulator) {
    return simulator.baseUrl() + "/TenancyAlertService";
  }

  private static Instant at(int year, int month, int day, int hour, int minute) {
    return LocalDateTime.of(year, month, day, hour, minute).atZone(UK).toInstant();
  }

  /** The document's example request, with the given AlertId and TenancyRef. */
  static String raiseAlert(String alertId, String tenancyRef) {
    return """
        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
                          xmlns:ten="urn:northshirehomes:tenancy:v1">
          <soapenv:Header/>
          <soapenv:Body>
            <ten:RaiseAlert>
              <ten:AlertId>%s</ten:AlertId>
              <ten:TenancyRef>%s</ten:TenancyRef>
              <ten:Tenant>
                <ten:Surname>Whitfield</ten:Surname>
                <ten:Forename>Dean</ten:Forename>
                <ten:DateOfBirth>1994-03-17</ten:DateOfBirth>
              </ten:Tenant>
              <ten:AlertType>ASB_INCIDENT</ten:AlertType>
              <ten:RaisedBy>Northshire Police</ten:RaisedBy>
              <ten:RaisedOn>2026-11-03T09:15:00Z</ten:RaisedOn>
              <ten:Summary>ASB-PERSONAL reported at Larch Close, NN7 4QT</ten:Summary>
              <ten:Severity>HIGH</ten:Severity>
            </ten:RaiseAlert>
          </soapenv:Body>
        </soapenv:Envelope>
        """.formatted(alertId, tenancyRef);
  }
}
