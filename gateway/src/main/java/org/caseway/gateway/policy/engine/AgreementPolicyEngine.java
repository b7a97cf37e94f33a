package org.caseway.gateway.policy.engine;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.classification.DataCategoryClassification;
import org.caseway.gateway.agreement.Agreement;
import org.caseway.gateway.agreement.AgreementRule;
import org.caseway.gateway.agreement.AgreementSet;
import org.caseway.gateway.identity.IdentityLinks;
import org.caseway.gateway.partner.Partner;
import org.caseway.gateway.partner.PartnerDirectory;
import org.caseway.gateway.policy.PolicyDecision;
import org.caseway.gateway.policy.PolicyEngine;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;

/**
 * The policy engine: the agreements in force, applied to one message for one recipient, deny by
 * default. In order: the partners' status (rule 6), OFFICIAL-SENSITIVE (rule 4), then for each
 * agreement with a rule from the source to the recipient: its validity (rule 5), the recipient's
 * subscription for the agreement's purpose, and the view the rule allows ({@link AgreementView}),
 * one disclosure per agreement (rule 8). Nothing is shared that no rule allows (rule 1).
 *
 * <p>Thread-safe; never modifies the message.
 */
public final class AgreementPolicyEngine implements PolicyEngine {

  private final Supplier<AgreementSet> agreements;
  private final PartnerDirectory partners;
  private final Set<String> officialSensitiveRecipients;
  private final ElementCategories categories;
  private final AgreementView views;

  /**
   * @param agreements the agreements in force now (asked once per decision)
   * @param partners the partners and their current status
   * @param links the identity index
   * @param officialSensitiveRecipients the partners that may receive OFFICIAL-SENSITIVE data
   * @param guide the guide, for its element classification and source-only participant roles
   * @throws IllegalStateException if the guide's classification or roles cannot be applied
   */
  public AgreementPolicyEngine(
      Supplier<AgreementSet> agreements,
      PartnerDirectory partners,
      IdentityLinks links,
      Set<String> officialSensitiveRecipients,
      ImplementationGuide guide) {
    this.agreements = Objects.requireNonNull(agreements, "agreements");
    this.partners = Objects.requireNonNull(partners, "partners");
    this.officialSensitiveRecipients = Set.copyOf(officialSensitiveRecipients);
    this.categories = new ElementCategories(guide, DataCategoryClassification.load());
    this.views = new AgreementView(categories, links, sourceOnlyRoles(guide));
  }

  @Override
  public PolicyDecision decide(Bundle message, String recipientId, Instant at) {
    return about(message, at).decide(recipientId);
  }

  /** The message read once; each recipient's decision on those facts. */
  @Override
  public MessageDecisions about(Bundle message, Instant at) {
    MessageFacts facts = MessageFacts.of(message, categories);
    return recipientId -> decide(facts, recipientId, at);
  }

  private PolicyDecision decide(MessageFacts facts, String recipientId, Instant at) {
    DecisionRecorder recorder = new DecisionRecorder(facts, recipientId);
    Optional<Partner> recipient = partnersMayExchange(facts, recipientId, recorder);
    if (recipient.isEmpty() || !sensitivityAllows(facts, recipientId, recorder)) {
      return recorder.decision();
    }
    boolean anyRule = false;
    for (Agreement agreement : agreements.get().agreements()) {
      Optional<AgreementRule> rule = agreement.ruleFor(facts.envelope().sourcePartnerId(), recipientId);
      if (rule.isPresent()) {
        anyRule = true;
        consider(facts, agreement, rule.get(), recipient.get(), at, recorder);
      }
    }
    if (!anyRule) {
      recorder.withholdMessage("rule 1: deny by default", "NO_AGREEMENT", "no agreement has a rule from "
          + facts.envelope().sourcePartnerId() + " to " + recipientId);
    }
    return recorder.decision();
  }

  /** Rule 6: a suspended, withdrawn or unknown partner neither sends nor receives. */
  private Optional<Partner> partnersMayExchange(MessageFacts facts, String recipientId, DecisionRecorder recorder) {
    String sourceId = facts.envelope().sourcePartnerId();
    Optional<Partner> source = partners.find(sourceId);
    Optional<Partner> recipient = partners.find(recipientId);
    String rule = "rule 6: partner status";
    if (recipient.isEmpty()) {
      recorder.withholdMessage(rule, "RECIPIENT_UNKNOWN", recipientId + " is not a partner in the registry");
    } else if (!recipient.get().isActive()) {
      recorder.withholdMessage(rule, "RECIPIENT_NOT_ACTIVE", recipientId + " is "
          + recipient.get().status().name().toLowerCase() + ": it receives nothing, and nothing is queued for it");
    } else if (source.isEmpty() || !source.get().isActive()) {
      recorder.withholdMessage(rule, "SOURCE_NOT_ACTIVE", sourceId + " is "
          + source.map(p -> p.status().name().toLowerCase()).orElse("not a partner") + ": what it sent is shared with nobody");
    } else {
      recorder.reason(rule, DecisionRecorder.ALLOWED, sourceId + " and " + recipientId + " are active");
      return recipient;
    }
    return Optional.empty();
  }

  /** Rule 4: OFFICIAL-SENSITIVE (restricted) data goes only to the partners configured for it. */
  private boolean sensitivityAllows(MessageFacts facts, String recipientId, DecisionRecorder recorder) {
    String rule = "rule 4: OFFICIAL-SENSITIVE";
    if (!facts.officialSensitive()) {
      recorder.reason(rule, DecisionRecorder.NOT_APPLICABLE, "the message is not labelled OFFICIAL-SENSITIVE");
      return true;
    }
    if (officialSensitiveRecipients.contains(recipientId)) {
      recorder.reason(rule, DecisionRecorder.ALLOWED, recipientId + " may receive OFFICIAL-SENSITIVE data");
      return true;
    }
    recorder.withholdMessage(rule, "OFFICIAL_SENSITIVE", "the message is labelled OFFICIAL-SENSITIVE, which goes only to "
        + new TreeSet<>(officialSensitiveRecipients));
    return false;
  }

  private void consider(MessageFacts facts, Agreement agreement, AgreementRule rule, Partner recipient,
      Instant at, DecisionRecorder recorder) {
    String label = agreement.label() + " " + rule.name();
    Optional<String> notInForce = agreement.notInForceBecause(at);
    if (notInForce.isPresent()) {
      recorder.withholdUnder(agreement, null, label + ": rule 5: validity", "AGREEMENT_NOT_IN_FORCE",
          notInForce.get() + " (decided for " + at + ")");
      return;
    }
    String event = facts.envelope().eventCode();
    Optional<String> purpose = new TreeSet<>(agreement.purposes()).stream()
        .filter(p -> recipient.subscribesTo(event, p)).findFirst();
    if (purpose.isEmpty()) {
      recorder.withholdUnder(agreement, null, label + ": subscription", "NOT_SUBSCRIBED", recipient.id()
          + " does not subscribe to " + event + " for " + new TreeSet<>(agreement.purposes()));
      return;
    }
    recorder.reason(label + ": in force and subscribed", DecisionRecorder.ALLOWED, agreement.label() + " is in force on "
        + at + "; " + recipient.id() + " subscribes to " + event + " for " + purpose.get());
    views.build(new Considered(facts, agreement, rule, purpose.get(), recipient, recorder)).ifPresent(recorder::disclose);
  }

  /** The participant roles the guide marks {@code source-only}: they never leave their source. */
  private static Set<String> sourceOnlyRoles(ImplementationGuide guide) {
    String url = Canonical.PARTICIPANT_ROLES;
    CodeSystem roles = guide.conformanceResources().stream()
        .filter(CodeSystem.class::isInstance).map(CodeSystem.class::cast)
        .filter(cs -> url.equals(cs.getUrl())).findFirst()
        .orElseThrow(() -> new IllegalStateException("The guide has no CodeSystem " + url));
    Set<String> sourceOnly = new TreeSet<>();
    roles.getConcept().forEach(concept -> concept.getProperty().stream()
        .filter(p -> p.getCode().equals("source-only") && p.hasValueBooleanType() && p.getValueBooleanType().booleanValue())
        .findFirst().ifPresent(p -> sourceOnly.add(concept.getCode())));
    if (sourceOnly.isEmpty()) {
      throw new IllegalStateException("The guide marks no participant role source-only; rule 2 needs them");
    }
    return Set.copyOf(sourceOnly);
  }
}
