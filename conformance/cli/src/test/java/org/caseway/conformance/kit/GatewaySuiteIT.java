package org.caseway.conformance.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.CasewayValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway suite against {@link GatewayStandIn}, a WireMock stand-in serving the guide's real
 * CapabilityStatement: NOT the gateway itself (this module cannot depend on it). The gateway's own
 * integration test runs the same suite with {@link ConformanceKit} against a running gateway.
 */
class GatewaySuiteIT {

  private static final String PARTNER = "northshire-mh-trust";
  private static CasewayValidator validator;
  private static GatewayStandIn gateway;

  @BeforeAll
  static void start() {
    validator = new CasewayValidator(ImplementationGuide.load());
    gateway = GatewayStandIn.start(validator, PARTNER);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void aGatewayThatBehavesAsItsCapabilityStatementSaysPassesAtLevelFull() {
    SuiteResult result = new ConformanceKit(validator).run("gateway", gateway.fhirBase(),
        KitOptions.defaults().withToken(GatewayStandIn.TOKEN).withPartner(PARTNER));

    assertThat(result.tests()).as(Describe.of(result)).allSatisfy(test -> assertThat(test.outcome()).isEqualTo(Outcome.PASS));
    assertThat(result.levelReached()).contains(Level.FULL);
    assertThat(result.tests()).extracting(TestResult::id).contains(
        "gateway-metadata/serves-its-capability-statement",
        "gateway-process-message/accepts-a-message-from-the-partner",
        "gateway-refusals/refuses-a-message-sent-as-another-partner",
        "gateway-refusals/refuses-a-request-without-a-valid-token",
        "gateway-full/accepts-referral");
  }

  @Test
  void theWrongTokenFailsEveryAuthenticatedTestAndNamesTheStatus() {
    SuiteResult result = new ConformanceKit(validator).run("gateway", gateway.fhirBase(),
        KitOptions.defaults().withToken("someone-elses").withPartner(PARTNER).withLevel(Level.CORE));

    assertThat(result.passed()).isFalse();
    assertThat(result.tests()).filteredOn(test -> test.id().equals("gateway-metadata/serves-its-capability-statement"))
        .singleElement().satisfies(test -> assertThat(test.outcome()).as("metadata needs no token").isEqualTo(Outcome.PASS));
    assertThat(result.tests()).filteredOn(test -> test.id().equals("gateway-process-message/accepts-a-message-from-the-partner"))
        .singleElement().satisfies(test -> assertThat(test.reason()).hasValueSatisfying(reason -> assertThat(reason)
            .startsWith("The answer is HTTP 200: the message was accepted: expected HTTP status 200, got 401")));
  }
}
