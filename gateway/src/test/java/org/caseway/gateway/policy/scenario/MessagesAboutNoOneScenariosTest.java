package org.caseway.gateway.policy.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.policy.PolicyDecision;
import org.caseway.gateway.policy.Withholding;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/**
 * An incident with no people in it (the police export's fly-tipping row, its nominal columns
 * empty): a row without a subject condition shares it; a row that shares "only about a subject
 * who ..." shares nothing, for no subject meets the condition.
 */
class MessagesAboutNoOneScenariosTest {

  private static final String NOBODY = "caseway-mappings/police-rms-csv/fixtures/sample/expected/2.json";

  private final Engine engine = new Engine();

  @Test
  void theCouncilMayHearOfAnIncidentWithNoOneInIt() {
    assertThat(engine.decide(incidentAboutNoOne(), Ids.COUNCIL).disclosesAnything()).isTrue();
  }

  @Test
  void housingHearsOnlyAboutTenantsSoNothingOfAnIncidentWithNoOneInIt() {
    assertNoSubjectQualifies(engine.decide(incidentAboutNoOne(), Ids.HOUSING));
  }

  @Test
  void probationHearsOnlyAboutItsCohortSoNothingOfAnIncidentWithNoOneInIt() {
    assertNoSubjectQualifies(engine.decide(incidentAboutNoOne(), Ids.PROBATION));
  }

  @Test
  void theTrustHearsOnlyAboutMarkedConsentingSubjectsSoNothingOfAnIncidentWithNoOneInIt() {
    assertNoSubjectQualifies(engine.decide(incidentAboutNoOne(), Ids.MH_TRUST));
  }

  private static void assertNoSubjectQualifies(PolicyDecision decision) {
    assertThat(decision.disclosesAnything()).isFalse();
    assertThat(decision.withholdings()).extracting(Withholding::reasonCode).contains("NO_SUBJECT_QUALIFIES");
  }

  private static Bundle incidentAboutNoOne() {
    try (InputStream json = MessagesAboutNoOneScenariosTest.class.getClassLoader().getResourceAsStream(NOBODY)) {
      return ImplementationGuide.load().fhirContext().newJsonParser().parseResource(Bundle.class, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
