package org.caseway.gateway.policy;

import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.GatewayException;
import org.caseway.gateway.fhir.FhirJson;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/policy/$explain?recipient={partnerId}[&at={instant}]}: the decision the policy
 * engine makes for a canonical message bundle (the body) and one recipient, with every rule that
 * led to it, as {@link Explanation} JSON. Delivers and records nothing; it calls the same {@link
 * PolicyEngine#decide} as delivery. {@code at} (ISO-8601 instant) defaults to now. Needs the data
 * sharing manager role (security config).
 */
@RestController
@RequestMapping("/admin/policy")
public class PolicyExplainEndpoint {

  private final PolicyEngine engine;
  private final ImplementationGuide guide;
  private final FhirJson json;
  private final ObjectMapper mapper;
  private final Clock clock;

  public PolicyExplainEndpoint(
      PolicyEngine engine, ImplementationGuide guide, FhirJson json, ObjectMapper mapper, Clock clock) {
    this.engine = engine;
    this.guide = guide;
    this.json = json;
    this.mapper = mapper;
    this.clock = clock;
  }

  @PostMapping(
      value = "/$explain",
      consumes = {FhirJson.FHIR_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE},
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Explanation explain(
      @RequestParam String recipient,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at,
      @RequestBody String body) {
    Instant decidedAt = at == null ? clock.instant() : at;
    try {
      return Explanation.of(engine.decide(parse(body), recipient, decidedAt), decidedAt, json, mapper);
    } catch (PolicyException e) {
      throw new GatewayException(ErrorCode.MESSAGE_NOT_EVALUABLE, e.getMessage(), e);
    }
  }

  private Bundle parse(String body) {
    try {
      return guide.fhirContext().newJsonParser().parseResource(Bundle.class, body);
    } catch (DataFormatException | ClassCastException e) {
      throw new GatewayException(ErrorCode.MESSAGE_UNREADABLE,
          "The body must be a canonical message Bundle in FHIR JSON: " + e.getMessage(), e);
    }
  }
}
