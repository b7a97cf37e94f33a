package org.caseway.northshire.simulators;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.CasewayValidator;

/**
 * The Northshire Mental Health NHS Trust's FHIR R4 server, the side Caseway delivers to
 * (mh-trust-fhir.md), on a WireMock server: {@code POST {fhirBase}/$process-message}.
 *
 * <ul>
 *   <li>{@code application/fhir+json} only, else {@code 415} with an OperationOutcome.
 *   <li>A bundle that does not conform to the Caseway profiles (the {@link CasewayValidator}
 *       decides), or that is not a Caseway message bundle, gets {@code 422} with an
 *       OperationOutcome listing the errors, and is not kept.
 *   <li>Otherwise {@code 200} with a FHIR response message ({@code response.code} {@code ok},
 *       {@code response.identifier} the received MessageHeader's id, as FHIR R4 and the guide
 *       define it); a Bundle.id seen before is answered the same way and not kept twice.
 *   <li>On demand, the next calls get {@code 503} with an OperationOutcome (transient).
 * </ul>
 *
 * <p>Thread-safe. Listens on localhost only. WireMock's {@code /__admin/requests} lists every
 * request received. Logs message ids only. The validator is the caller's: build it once, and warm
 * it up first ({@link CasewayValidator#warmUp()}) unless the first call may take several seconds.
 */
public final class TrustSimulator implements AutoCloseable {

  private final WireMockServer server;
  private final TrustFhirServer fhirServer;

  private TrustSimulator(WireMockServer server, TrustFhirServer fhirServer) {
    this.server = server;
    this.fhirServer = fhirServer;
  }

  /**
   * @param port the port to listen on, 0 for any free one (see {@link #fhirBase()})
   * @param validator judges what the trust is sent; shared, thread-safe
   */
  public static TrustSimulator start(int port, CasewayValidator validator) {
    Objects.requireNonNull(validator, "validator");
    TrustFhirServer fhirServer =
        new TrustFhirServer(validator, ImplementationGuide.load().fhirContext(), Clock.systemUTC());
    return new TrustSimulator(SimulatorServers.start(port, fhirServer), fhirServer);
  }

  /** {@code http://localhost:PORT/fhir}, the FHIR base; the operation is at {@code fhirBase() + "/$process-message"}. */
  public String fhirBase() {
    return SimulatorServers.baseUrl(server) + "/fhir";
  }

  /** The next {@code calls} POSTs to $process-message get 503; replaces what is left of an earlier budget. */
  public void unavailableNext(int calls) {
    fhirServer.unavailableNext(calls);
  }

  /** The bundles taken, as the JSON text received, each Bundle.id once, in arrival order; a snapshot. */
  public List<String> received() {
    return fhirServer.received();
  }

  /** Every POST to $process-message so far, whatever its answer. */
  public int posts() {
    return fhirServer.posts();
  }

  /** Stops the server; idempotent. */
  @Override
  public void close() {
    server.stop();
  }
}
