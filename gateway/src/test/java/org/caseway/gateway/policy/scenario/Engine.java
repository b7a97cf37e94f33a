package org.caseway.gateway.policy.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.conformance.validation.ValidationIssue;
import org.caseway.conformance.validation.ValidationReport;
import org.caseway.gateway.agreement.AgreementSet;
import org.caseway.gateway.policy.Disclosure;
import org.caseway.gateway.policy.PolicyDecision;
import org.caseway.gateway.policy.engine.AgreementPolicyEngine;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The engine as scenario tests use it: the committed agreements, a fake partner directory and
 * identity index, and the guide's validator for every view.
 */
public final class Engine {

  /** A day on which all three Northshire agreements are in force. */
  public static final Instant IN_FORCE = Instant.parse("2026-11-03T10:00:00Z");

  private static final CasewayValidator VALIDATOR = new CasewayValidator(ImplementationGuide.load());
  private static final AgreementSet AGREEMENTS = NorthshireAgreements.load();

  public final FakePartnerDirectory partners = new FakePartnerDirectory();
  public final FakeIdentityLinks links = new FakeIdentityLinks();
  private final AgreementPolicyEngine engine;

  /** The engine with the committed Northshire agreements. */
  public Engine() {
    this(AGREEMENTS);
  }

  /** The engine with other agreements (a revoked version, an extra agreement). */
  public Engine(AgreementSet agreements) {
    engine = new AgreementPolicyEngine(() -> agreements, partners, links,
        Set.of("northshire-police", "northshire-probation"), ImplementationGuide.load());
  }

  /** The engine itself, without the checks {@link #decide} adds (for timing). */
  public AgreementPolicyEngine raw() {
    return engine;
  }

  public static AgreementSet committedAgreements() {
    return AGREEMENTS;
  }

  public PolicyDecision decide(Bundle message, String recipient) {
    return decide(message, recipient, IN_FORCE);
  }

  /** Decides, then checks what holds for every decision: valid views, and reasons for everything. */
  public PolicyDecision decide(Bundle message, String recipient, Instant at) {
    String before = MessageBuilder.json(message);
    PolicyDecision decision = engine.decide(message, recipient, at);
    assertThat(MessageBuilder.json(message)).as("the engine never modifies the message").isEqualTo(before);
    decision.disclosures().forEach(Engine::assertConforms);
    assertThat(decision.reasons()).as("every decision says why").isNotEmpty();
    decision.disclosures().forEach(d -> assertThat(decision.reasons())
        .as("every disclosure is explained").anySatisfy(r -> assertThat(r.detail())
            .contains("bundle " + d.view().getIdElement().getIdPart())));
    decision.withholdings().forEach(w -> assertThat(decision.reasons())
        .as("every withholding is explained").anySatisfy(r -> assertThat(r.detail()).isEqualTo(w.reason())));
    return decision;
  }

  /** The single disclosure of a decision that must disclose under exactly one agreement. */
  public Disclosure only(PolicyDecision decision) {
    assertThat(decision.disclosures()).as("disclosures; withholdings: %s", decision.withholdings()).hasSize(1);
    return decision.disclosures().get(0);
  }

  public static void assertConforms(Disclosure disclosure) {
    ValidationReport report = VALIDATOR.validate(disclosure.view());
    List<ValidationIssue> errors = report.issues(ValidationIssue.Severity.ERROR);
    assertThat(Stream.concat(errors.stream(), report.issues(ValidationIssue.Severity.FATAL).stream()).toList())
        .as("the view under %s v%d conforms to the guide:\n%s", disclosure.agreementId(), disclosure.agreementVersion(),
            MessageBuilder.json(disclosure.view()))
        .isEmpty();
    ViewReader.assertNoDanglingReferences(disclosure.view());
  }
}
