package org.caseway.gateway.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.caseway.gateway.identity.AgencyIdentifier;
import org.caseway.gateway.partner.Partner;
import org.caseway.gateway.partner.PartnerDirectory;
import org.caseway.gateway.policy.Disclosure;
import org.caseway.gateway.policy.PolicyDecision;
import org.caseway.gateway.policy.PolicyEngine;
import org.caseway.gateway.policy.Withholding;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Asks the policy engine about every partner but the source, and holds back everything from a
 * partner that is not active now, whatever the engine said: a suspended partner gets nothing and
 * the record says why.
 *
 * <p>Each disclosure's view keeps the id the engine gave it, which is the same every time for the
 * same message, recipient and agreement version ({@link PolicyEngine}'s contract): taking the
 * message again after a crash sends the same id, the recipient can deduplicate, and {@code
 * $explain} shows the very id that was delivered.
 */
public class RecipientDecisions {

  static final String NOT_ACTIVE = "PARTNER_NOT_ACTIVE";

  /** Time of one {@code PolicyEngine.decide} call (one message, one recipient). */
  public static final String DECIDE_TIMER = "caseway.policy.decide";

  private final PolicyEngine engine;
  private final PartnerDirectory partners;
  private final Timer decideTime;

  public RecipientDecisions(PolicyEngine engine, PartnerDirectory partners, MeterRegistry meters) {
    this.engine = engine;
    this.partners = partners;
    this.decideTime = Timer.builder(DECIDE_TIMER)
        .description("Policy evaluation time per recipient per message")
        .register(meters);
  }

  /**
   * One decision per partner other than {@code sourceId}, in registry order, on the message read
   * once ({@link PolicyEngine#about}).
   */
  public List<PolicyDecision> decide(Bundle message, String sourceId, Instant at) {
    List<PolicyDecision> decisions = new ArrayList<>();
    PolicyEngine.MessageDecisions about = engine.about(message, at);
    for (Partner recipient : partners.all()) {
      if (!recipient.id().equals(sourceId)) {
        PolicyDecision decision = decideTime.record(() -> about.decide(recipient.id()));
        decisions.add(recipient.isActive() ? decision : heldBack(decision, recipient));
      }
    }
    return decisions;
  }

  private static PolicyDecision heldBack(PolicyDecision decision, Partner recipient) {
    List<Withholding> withholdings = new ArrayList<>(decision.withholdings());
    String reason = "Partner " + recipient.id() + " is " + recipient.status().name().toLowerCase()
        + "; nothing is delivered to it until the data sharing manager reinstates it";
    for (Disclosure d : decision.disclosures()) {
      withholdings.add(new Withholding(d.agreementId(), d.agreementVersion(), d.purpose(), NOT_ACTIVE,
          reason, d.categories(), d.subjects()));
    }
    if (decision.disclosures().isEmpty() && withholdings.isEmpty()) {
      withholdings.add(new Withholding(null, null, null, NOT_ACTIVE, reason, java.util.Set.of(),
          List.<java.util.Set<AgencyIdentifier>>of()));
    }
    return new PolicyDecision(decision.messageId(), decision.event(), decision.sourceId(),
        decision.recipientId(), List.of(), withholdings, decision.reasons());
  }
}
