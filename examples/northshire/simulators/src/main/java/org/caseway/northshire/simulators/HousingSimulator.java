package org.caseway.northshire.simulators;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Northshire Homes' tenancy alert service, as housing-soap.md describes it, on a WireMock server.
 *
 * <ul>
 *   <li>{@code POST /TenancyAlertService}, HTTP Basic auth (else 401), {@code Content-Type:
 *       text/xml; charset=utf-8} (else 415 with a Client fault), {@code SOAPAction:
 *       "urn:northshirehomes:tenancy:v1/RaiseAlert"}, quoted (else a Client fault).
 *   <li>The envelope is read by a hardened parser: a DOCTYPE is refused with a Client fault.
 *   <li>A RaiseAlert that breaks the document's rules gets a {@code soapenv:Client} fault (HTTP 500)
 *       with {@code <ten:Code>INVALID_REQUEST</ten:Code>} and a faultstring naming the fields; one
 *       for a tenancy it does not hold, {@code <ten:Code>UNKNOWN_TENANCY</ten:Code>}. Neither is kept.
 *   <li>A repeated AlertId gets {@code <ten:Status>DUPLICATE</ten:Status>} (HTTP 200), else {@code
 *       ACCEPTED}, and the alert is kept.
 *   <li>Every answer comes after the configured delay (the real service often takes over a
 *       second). From 01:00 to 02:00 UK time by the given clock, and while {@link
 *       #maintenance(boolean) maintenance} is on, every request gets HTTP 503. On demand, the next
 *       calls get a {@code soapenv:Server} fault (HTTP 500), which is transient.
 * </ul>
 *
 * <p>Thread-safe. Listens on localhost only. WireMock's {@code /__admin/requests} lists every
 * request received. Logs alert ids and tenancy refs only, never a tenant's name, birth date or the
 * summary.
 */
public final class HousingSimulator implements AutoCloseable {

  /**
   * One alert the service took, its fields as received (trimmed).
   *
   * @param envelope the whole request, as UTF-8 text
   */
  public record Alert(String alertId, String tenancyRef, String surname, String forename, String dateOfBirth,
      String alertType, String raisedBy, String raisedOn, String summary, String severity, String envelope) {}

  private final WireMockServer server;
  private final TenancyAlertService service;

  private HousingSimulator(WireMockServer server, TenancyAlertService service) {
    this.server = server;
    this.service = service;
  }

  /**
   * Starts the service holding no tenancies (see {@link #knowTenancies} and {@link #knowSampleRoll}).
   *
   * @param port the port to listen on, 0 for any free one (see {@link #baseUrl()})
   * @param delay how long every answer takes; {@link Duration#ZERO} for none
   * @param clock decides whether the nightly maintenance window is open
   * @throws IllegalArgumentException if the username is blank, the delay negative or over 10 minutes
   */
  public static HousingSimulator start(int port, String username, String password, Duration delay, Clock clock) {
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(clock, "clock");
    if (username == null || username.isBlank() || username.contains(":")) {
      throw new IllegalArgumentException("HTTP Basic needs a non-blank username without ':'");
    }
    if (delay == null || delay.isNegative() || delay.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("The delay is from zero to 10 minutes, not " + delay);
    }
    TenancyAlertService service = new TenancyAlertService(username, password, (int) delay.toMillis(), clock);
    return new HousingSimulator(SimulatorServers.start(port, service), service);
  }

  /** {@code http://localhost:PORT}; the endpoint is {@code baseUrl() + "/TenancyAlertService"}. */
  public String baseUrl() {
    return SimulatorServers.baseUrl(server);
  }

  /** Adds tenancies the association holds; alerts about any other get UNKNOWN_TENANCY. */
  public void knowTenancies(Collection<String> tenancyRefs) {
    service.knowTenancies(List.copyOf(tenancyRefs));
  }

  /** Adds the tenancies of the sample roll ({@link Samples#TENANCY_ROLL}). */
  public void knowSampleRoll() {
    service.knowTenancies(sampleRollTenancies());
  }

  /**
   * The next {@code calls} authenticated SOAP calls get a {@code soapenv:Server} fault; replaces
   * what is left of an earlier budget.
   */
  public void serverFaultNext(int calls) {
    service.serverFaultNext(calls);
  }

  /** While {@code on}, every request gets HTTP 503 (besides the nightly window). */
  public void maintenance(boolean on) {
    service.maintenance(on);
  }

  /**
   * Whether the nightly window (01:00 to 02:00 UK time) is kept, as the real service keeps it; on
   * from the start. Off, the service answers at any hour: for tests whose outcome must not depend
   * on when they run.
   */
  public void nightlyMaintenance(boolean kept) {
    service.nightlyWindow(kept);
  }

  /** The alerts taken, each AlertId once, in arrival order; a snapshot. */
  public List<Alert> alerts() {
    return service.alerts();
  }

  /** Every POST so far, whatever its answer (duplicates, faults, 401, 503). */
  public int calls() {
    return service.calls();
  }

  /** Stops the server; idempotent. */
  @Override
  public void close() {
    server.stop();
  }

  /** The TenancyRef column of the sample roll, which is its first column. */
  static List<String> sampleRollTenancies() {
    List<String> lines = new String(Samples.bytes(Samples.TENANCY_ROLL), StandardCharsets.UTF_8).lines().toList();
    if (lines.isEmpty() || !lines.get(0).startsWith("TenancyRef,")) {
      throw new IllegalStateException("The sample roll no longer starts with its TenancyRef column");
    }
    return lines.stream().skip(1).filter(line -> !line.isBlank())
        .map(line -> line.substring(0, line.indexOf(','))).distinct().toList();
  }
}
