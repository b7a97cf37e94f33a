package org.caseway.northshire.simulators;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.MessageEnvelope;
import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.conformance.validation.ValidationReport;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trust's FHIR server (mh-trust-fhir.md), as a WireMock transformer: {@code POST
 * /fhir/$process-message}. In order: unavailable on demand (503), {@code application/fhir+json}
 * only (415), the Caseway profiles (422 with the validator's OperationOutcome), a Caseway message
 * bundle (422), then a response message, the same for a repeated Bundle.id. Thread-safe.
 */
final class TrustFhirServer implements ResponseDefinitionTransformerV2 {

  static final String PATH = "/fhir/$process-message";
  static final String FHIR_JSON = "application/fhir+json";
  private static final String MESSAGE_PROFILE = ImplementationGuide.CANONICAL_BASE + "/StructureDefinition/caseway-message-bundle";
  private static final Logger log = LoggerFactory.getLogger(TrustSimulator.class);

  private final CasewayValidator validator;
  private final FhirContext fhir;
  private final TrustResponses responses;
  private final CallBudget unavailable = new CallBudget();
  private final DistinctById<String> received = new DistinctById<>();
  private final AtomicInteger posts = new AtomicInteger();

  TrustFhirServer(CasewayValidator validator, FhirContext fhir, Clock clock) {
    this.validator = validator;
    this.fhir = fhir;
    this.responses = new TrustResponses(fhir, clock);
  }

  @Override
  public String getName() {
    return "northshire-mh-trust-fhir-server";
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    if (!RequestPaths.of(request).equals(PATH)) {
      return fhir(404, responses.error(IssueType.NOTFOUND, "This server offers only POST " + PATH)).build();
    }
    if (!RequestMethod.POST.equals(request.getMethod())) {
      return fhir(405, responses.error(IssueType.NOTSUPPORTED, PATH + " takes POST")).withHeader("Allow", "POST").build();
    }
    posts.incrementAndGet();
    return processMessage(request).build();
  }

  private ResponseDefinitionBuilder processMessage(Request request) {
    if (unavailable.take()) {
      return fhir(503, responses.error(IssueType.TRANSIENT, "The trust's server is temporarily unavailable"));
    }
    if (!MediaTypes.is(request.getHeader("Content-Type"), FHIR_JSON)) {
      return fhir(415, responses.error(IssueType.NOTSUPPORTED, "This server accepts " + FHIR_JSON + " only"));
    }
    String body = new String(request.getBody(), StandardCharsets.UTF_8);
    ValidationReport report = validator.validate(body);
    if (report.hasErrors()) {
      log.info("Trust refused a message: {} errors against the Caseway profiles", report.issues().size());
      return fhir(422, responses.encode(report.toOperationOutcome()));
    }
    // Quietly lenient: the validator has judged the content already.
    IBaseResource parsed = fhir.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false)).parseResource(body);
    String notAMessage = notACasewayMessage(parsed);
    if (notAMessage != null) {
      return fhir(422, responses.error(IssueType.INVALID, notAMessage));
    }
    Bundle message = (Bundle) parsed;
    String id = message.getIdElement().getIdPart();
    boolean added = received.add(id, body);
    log.info("Trust {} message {}", added ? "took" : "already had", id);
    return fhir(200, responses.responseTo(message, !added));
  }

  /** Why a resource that conforms is still not a message this operation takes; null if it is one. */
  private static String notACasewayMessage(IBaseResource resource) {
    if (!(resource instanceof Bundle bundle) || !bundle.getMeta().hasProfile(MESSAGE_PROFILE)) {
      return "$process-message takes a Caseway message: a Bundle declaring " + MESSAGE_PROFILE;
    }
    try {
      MessageEnvelope.of(bundle);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  private static ResponseDefinitionBuilder fhir(int status, String json) {
    return aResponse().withStatus(status).withHeader("Content-Type", FHIR_JSON + ";charset=utf-8").withBody(json);
  }

  // The simulator's controls and observations.

  void unavailableNext(int calls) {
    unavailable.set(calls);
  }

  List<String> received() {
    return received.items();
  }

  int posts() {
    return posts.get();
  }
}
