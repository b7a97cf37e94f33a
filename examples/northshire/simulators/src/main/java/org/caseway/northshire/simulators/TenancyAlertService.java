package org.caseway.northshire.simulators;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.caseway.northshire.simulators.HousingSimulator.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Northshire Homes' tenancy alert service (housing-soap.md), as a WireMock transformer that answers
 * every request, each after the configured delay. In order: maintenance (503), the endpoint, HTTP
 * Basic auth (401), the SOAP 1.1 HTTP binding (Content-Type, SOAPAction), a Server fault on demand,
 * the RaiseAlert itself, the tenancy, then ACCEPTED or DUPLICATE. Thread-safe.
 */
final class TenancyAlertService implements ResponseDefinitionTransformerV2 {

  static final String PATH = "/TenancyAlertService";
  static final String SOAP_ACTION = "\"urn:northshirehomes:tenancy:v1/RaiseAlert\"";

  private static final Logger log = LoggerFactory.getLogger(HousingSimulator.class);

  private final String authorization;
  private final int delayMillis;
  private final Clock clock;
  private final MaintenanceWindow nightly = new MaintenanceWindow();
  private final RaiseAlertReader reader = new RaiseAlertReader();
  private final Set<String> tenancies = ConcurrentHashMap.newKeySet();
  private final DistinctById<Alert> alerts = new DistinctById<>();
  private final CallBudget serverFaults = new CallBudget();
  private final AtomicInteger calls = new AtomicInteger();
  private volatile boolean maintenance;
  private volatile boolean nightlyWindow = true;

  TenancyAlertService(String username, String password, int delayMillis, Clock clock) {
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.delayMillis = delayMillis;
    this.clock = clock;
  }

  @Override
  public String getName() {
    return "northshire-housing-tenancy-alert-service";
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    boolean post = RequestMethod.POST.equals(request.getMethod());
    if (post) {
      calls.incrementAndGet();
    }
    return answer(request, post).withFixedDelay(delayMillis).build();
  }

  private ResponseDefinitionBuilder answer(Request request, boolean post) {
    if (maintenance || nightlyWindow && nightly.isOpenAt(clock.instant())) {
      return text(503, "The tenancy alert service is down for maintenance.");
    }
    if (!RequestPaths.of(request).equals(PATH)) {
      return text(404, "No such service.");
    }
    if (!post) {
      return text(405, "The tenancy alert service takes SOAP 1.1 POSTs.").withHeader("Allow", "POST");
    }
    if (!Credentials.matches(request.getHeader("Authorization"), authorization)) {
      return text(401, "Authentication required.").withHeader("WWW-Authenticate", "Basic realm=\"Northshire Homes\"");
    }
    try {
      return soap(200, SoapMessages.raiseAlertResponse(raiseAlert(request)));
    } catch (SoapFault fault) {
      log.info("Housing answered a call with {}{}: {}", fault.faultCode(),
          fault.detailCode() == null ? "" : " " + fault.detailCode(), fault.getMessage());
      return soap(fault.httpStatus(), SoapMessages.fault(fault));
    }
  }

  /** @return the status of the alert, ACCEPTED or DUPLICATE */
  private String raiseAlert(Request request) throws SoapFault {
    checkBinding(request);
    if (serverFaults.take()) {
      throw SoapFault.server("The tenancy system could not process the request; try again later");
    }
    Alert alert = reader.read(request.getBody());
    if (!tenancies.contains(alert.tenancyRef())) {
      throw SoapFault.client(SoapFault.UNKNOWN_TENANCY,
          "Northshire Homes holds no tenancy " + alert.tenancyRef());
    }
    boolean added = alerts.add(alert.alertId().toLowerCase(Locale.ROOT), alert);
    log.info("Housing {} alert {} for tenancy {}", added ? "took" : "already had", alert.alertId(), alert.tenancyRef());
    return added ? "ACCEPTED" : "DUPLICATE";
  }

  private static void checkBinding(Request request) throws SoapFault {
    String contentType = request.getHeader("Content-Type");
    if (!MediaTypes.is(contentType, "text/xml") || !MediaTypes.charset(contentType).orElse("").equals("utf-8")) {
      throw SoapFault.client(SoapFault.INVALID_REQUEST,
          "Content-Type must be " + SoapMessages.CONTENT_TYPE + " (SOAP 1.1)", 415);
    }
    if (!SOAP_ACTION.equals(request.getHeader("SOAPAction"))) {
      throw SoapFault.client(SoapFault.INVALID_REQUEST, "SOAPAction must be " + SOAP_ACTION + ", quoted");
    }
  }

  private static ResponseDefinitionBuilder soap(int status, String envelope) {
    return aResponse().withStatus(status).withHeader("Content-Type", SoapMessages.CONTENT_TYPE).withBody(envelope);
  }

  private static ResponseDefinitionBuilder text(int status, String text) {
    return aResponse().withStatus(status).withHeader("Content-Type", "text/plain; charset=utf-8").withBody(text);
  }

  // The simulator's controls and observations.

  void knowTenancies(Iterable<String> tenancyRefs) {
    tenancyRefs.forEach(tenancies::add);
  }

  void serverFaultNext(int calls) {
    serverFaults.set(calls);
  }

  void maintenance(boolean on) {
    maintenance = on;
  }

  void nightlyWindow(boolean kept) {
    nightlyWindow = kept;
  }

  List<Alert> alerts() {
    return alerts.items();
  }

  int calls() {
    return calls.get();
  }
}
