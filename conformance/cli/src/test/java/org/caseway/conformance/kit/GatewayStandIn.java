package org.caseway.conformance.kit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.MessageEnvelope;
import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.conformance.validation.ValidationReport;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;

/**
 * A stand-in for the Caseway gateway's FHIR channel, NOT the gateway: a WireMock server that
 * serves the guide's real CapabilityStatement at {@code GET /fhir/metadata} and answers {@code POST
 * /fhir/$process-message} in the order and with the statuses the gateway documents (401 without
 * the one valid token, 415, 400 unreadable, 403 sender mismatch, 422 with the validator's
 * OperationOutcome, 200 with a response message; a repeat answered again, saying so). Lets the
 * gateway suite be tested here; the gateway's own integration test runs it against the gateway.
 */
final class GatewayStandIn implements ResponseDefinitionTransformerV2, AutoCloseable {

  static final String TOKEN = "stand-in-token";

  private final CasewayValidator validator;
  private final String partner;
  private final FhirContext fhir = ImplementationGuide.load().fhirContext();
  private final Set<String> accepted = ConcurrentHashMap.newKeySet();
  private WireMockServer server;

  private GatewayStandIn(CasewayValidator validator, String partner) {
    this.validator = validator;
    this.partner = partner;
  }

  /** @param partner the partner {@link #TOKEN} was issued to */
  static GatewayStandIn start(CasewayValidator validator, String partner) {
    GatewayStandIn standIn = new GatewayStandIn(validator, partner);
    standIn.server = new WireMockServer(options().dynamicPort().bindAddress("localhost").extensions(standIn));
    standIn.server.start();
    return standIn;
  }

  String fhirBase() {
    return "http://localhost:" + server.port() + "/fhir";
  }

  @Override
  public String getName() {
    return "caseway-gateway-stand-in";
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    String path = request.getUrl();
    if (path.equals("/fhir/metadata") && request.getMethod().getName().equals("GET")) {
      return fhir(200, fhir.newJsonParser().encodeResourceToString(ImplementationGuide.load().capabilityStatement())).build();
    }
    if (!path.equals("/fhir/$process-message")) {
      return refuse(404, IssueType.NOTFOUND, "No such endpoint");
    }
    if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
      return refuse(401, IssueType.LOGIN, "A valid bearer token is needed");
    }
    String type = request.getHeader("Content-Type");
    if (type == null || !(type.startsWith("application/fhir+json") || type.startsWith("application/json"))) {
      return refuse(415, IssueType.NOTSUPPORTED, "Send application/fhir+json");
    }
    return processMessage(new String(request.getBody(), StandardCharsets.UTF_8));
  }

  private ResponseDefinition processMessage(String body) {
    Bundle bundle;
    MessageEnvelope envelope;
    try {
      IBaseResource parsed = fhir.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false)).parseResource(body);
      bundle = (Bundle) parsed;
      envelope = MessageEnvelope.of(bundle);
    } catch (RuntimeException | LinkageError unreadable) {
      return refuse(400, IssueType.STRUCTURE, "Not a FHIR JSON message bundle");
    }
    if (!envelope.sourcePartnerId().equals(partner)) {
      return refuse(403, IssueType.FORBIDDEN, "A partner may only send as itself");
    }
    ValidationReport report = validator.validate(body);
    if (report.hasErrors()) {
      return fhir(422, fhir.newJsonParser().encodeResourceToString(report.toOperationOutcome())).build();
    }
    boolean repeat = !accepted.add(envelope.messageId());
    return fhir(200, fhir.newJsonParser().encodeResourceToString(response(bundle, repeat))).build();
  }

  private static Bundle response(Bundle request, boolean repeat) {
    String base = ImplementationGuide.CANONICAL_BASE + "/StructureDefinition/";
    MessageHeader answered = (MessageHeader) request.getEntryFirstRep().getResource();
    OperationOutcome outcome = new OperationOutcome();
    outcome.setId(UUID.randomUUID().toString());
    outcome.getMeta().addProfile(base + "caseway-outcome");
    outcome.addIssue().setSeverity(IssueSeverity.INFORMATION).setCode(IssueType.INFORMATIONAL)
        .setDiagnostics(repeat ? "Accepted earlier; this copy was not taken again." : "Accepted.");
    MessageHeader header = new MessageHeader();
    header.setId(UUID.randomUUID().toString());
    header.getMeta().addProfile(base + "caseway-message-header");
    header.setEvent(answered.getEventCoding().copy());
    header.addDestination().setEndpoint(answered.getSource().getEndpoint());
    header.getSource().setName("Caseway gateway").setEndpoint("urn:caseway:partner:caseway");
    header.getResponse().setIdentifier(answered.getIdElement().getIdPart()).setCode(MessageHeader.ResponseType.OK)
        .setDetails(new Reference("urn:uuid:" + outcome.getIdElement().getIdPart()));
    header.addFocus(new Reference("urn:uuid:" + outcome.getIdElement().getIdPart()));
    Bundle response = new Bundle();
    response.setId(UUID.randomUUID().toString());
    response.getMeta().addProfile(base + "caseway-message-bundle");
    response.setType(Bundle.BundleType.MESSAGE);
    response.setTimestamp(new java.util.Date());
    response.addEntry().setFullUrl("urn:uuid:" + header.getIdElement().getIdPart()).setResource(header);
    response.addEntry().setFullUrl("urn:uuid:" + outcome.getIdElement().getIdPart()).setResource(outcome);
    return response;
  }

  private ResponseDefinition refuse(int status, IssueType type, String diagnostics) {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(diagnostics);
    return fhir(status, fhir.newJsonParser().encodeResourceToString(outcome)).build();
  }

  private static ResponseDefinitionBuilder fhir(int status, String json) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/fhir+json;charset=UTF-8").withBody(json);
  }

  @Override
  public void close() {
    server.stop();
  }
}
