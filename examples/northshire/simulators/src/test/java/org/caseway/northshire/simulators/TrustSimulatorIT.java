package org.caseway.northshire.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.CasewayValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The trust's FHIR server over real HTTP: 415, 422 with the validator's errors, 200 with a response message, 503. */
class TrustSimulatorIT {

  private static final String REFERRAL = example("Bundle-example-referral");
  private static CasewayValidator validator;

  private final IParser json = ImplementationGuide.load().fhirContext().newJsonParser();
  private TrustSimulator trust;

  @BeforeAll
  static void buildValidator() {
    validator = new CasewayValidator(ImplementationGuide.load());
  }

  @BeforeEach
  void start() {
    trust = TrustSimulator.start(0, validator);
  }

  @AfterEach
  void stop() {
    trust.close();
  }

  @Test
  void takesAConformingMessageAndAnswersWithAConformingResponseMessage() {
    HttpResponse<String> response = processMessage(REFERRAL, "application/fhir+json; charset=utf-8");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/fhir+json"));
    Bundle answer = json.parseResource(Bundle.class, response.body());
    MessageHeader header = (MessageHeader) answer.getEntryFirstRep().getResource();
    assertThat(answer.getType()).isEqualTo(Bundle.BundleType.MESSAGE);
    assertThat(header.getResponse().getIdentifier()).isEqualTo(requestHeaderId(REFERRAL));
    assertThat(header.getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.OK);
    assertThat(header.getSource().getEndpoint()).isEqualTo("urn:caseway:partner:northshire-mh-trust");
    assertThat(validator.validate(response.body()).issues()).as("the trust's answer against the guide").isEmpty();
    assertThat(trust.received()).containsExactly(REFERRAL);
    assertThat(trust.posts()).isEqualTo(1);
  }

  @Test
  void answersARepeatedBundleIdAgainButKeepsItOnce() {
    HttpResponse<String> first = processMessage(REFERRAL, "application/fhir+json");
    HttpResponse<String> repeat = processMessage(REFERRAL, "application/fhir+json");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(repeat.statusCode()).isEqualTo(200);
    assertThat(json.parseResource(Bundle.class, repeat.body()).getEntryFirstRep().getResource())
        .isInstanceOfSatisfying(MessageHeader.class,
            header -> assertThat(header.getResponse().getIdentifier()).isEqualTo(requestHeaderId(REFERRAL)));
    assertThat(trust.received()).containsExactly(REFERRAL);
    assertThat(trust.posts()).isEqualTo(2);
  }

  @Test
  void refusesAnythingButFhirJsonWith415() {
    for (String type : new String[] {"application/json", "application/fhir+xml", "text/plain"}) {
      HttpResponse<String> response = processMessage(REFERRAL, type);

      assertThat(response.statusCode()).as(type).isEqualTo(415);
      assertThat(outcome(response).getIssueFirstRep().getSeverity()).isEqualTo(IssueSeverity.ERROR);
    }
    assertThat(trust.received()).isEmpty();
  }

  @Test
  void refusesABundleThatBreaksTheProfilesWith422ListingTheErrors() {
    String broken = REFERRAL.replaceFirst("\"timestamp\"\\s*:\\s*\"[^\"]+\",", "");
    assertThat(broken).isNotEqualTo(REFERRAL);

    HttpResponse<String> response = processMessage(broken, "application/fhir+json");

    assertThat(response.statusCode()).isEqualTo(422);
    OperationOutcome outcome = outcome(response);
    assertThat(outcome.getIssue()).anySatisfy(issue -> {
      assertThat(issue.getSeverity()).isEqualTo(IssueSeverity.ERROR);
      assertThat(issue.getExpression()).anySatisfy(where -> assertThat(where.getValue()).contains("Bundle"));
      assertThat(issue.getDiagnostics()).contains("timestamp");
    });
    assertThat(trust.received()).isEmpty();
  }

  @Test
  void refusesWhatIsNotJsonOrNotAMessageWith422() {
    HttpResponse<String> notJson = processMessage("<Bundle/>", "application/fhir+json");
    HttpResponse<String> patient = processMessage(example("Patient-example-nhs-number"), "application/fhir+json");

    assertThat(notJson.statusCode()).isEqualTo(422);
    assertThat(patient.statusCode()).isEqualTo(422);
    assertThat(outcome(patient).getIssueFirstRep().getDiagnostics()).contains("Caseway message");
    assertThat(trust.received()).isEmpty();
  }

  @Test
  void answersTheNextCallsWith503ThenTakesTheMessage() {
    trust.unavailableNext(2);

    HttpResponse<String> first = processMessage(REFERRAL, "application/fhir+json");
    HttpResponse<String> second = processMessage(REFERRAL, "application/fhir+json");
    HttpResponse<String> third = processMessage(REFERRAL, "application/fhir+json");

    assertThat(first.statusCode()).isEqualTo(503);
    assertThat(outcome(first).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.TRANSIENT);
    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(trust.received()).hasSize(1);
    assertThat(trust.posts()).isEqualTo(3);
  }

  @Test
  void offersNothingElse() {
    assertThat(Http.get(trust.fhirBase() + "/Patient").statusCode()).isEqualTo(404);
    assertThat(Http.get(trust.fhirBase() + "/$process-message").statusCode()).isEqualTo(405);
    assertThat(trust.posts()).isZero();
  }

  private HttpResponse<String> processMessage(String body, String contentType) {
    return Http.post(trust.fhirBase() + "/$process-message", body, "Content-Type", contentType);
  }

  private OperationOutcome outcome(HttpResponse<String> response) {
    return json.parseResource(OperationOutcome.class, response.body());
  }

  private String requestHeaderId(String message) {
    return json.parseResource(Bundle.class, message).getEntryFirstRep().getResource().getIdElement().getIdPart();
  }

  private static String example(String name) {
    String resource = "caseway-ig/examples/" + name + ".json";
    try (InputStream in = TrustSimulatorIT.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(resource, e);
    }
  }
}
