package org.caseway.gateway.policy.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseway.gateway.policy.scenario.Ids.*;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.identity.AgencyIdentifier;
import org.caseway.gateway.identity.IdentityLinks;
import org.caseway.gateway.policy.PolicyDecision;
import org.caseway.gateway.policy.PolicyEngine;
import org.caseway.gateway.policy.engine.AgreementPolicyEngine;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/**
 * Deciding for every recipient of one message at once, as dispatch does: the message is read once
 * and each person's cluster is asked of the identity index once, and every decision is still the
 * one {@link PolicyEngine#decide} makes alone.
 */
class MessageDecisionsTest {

  private static final List<String> RECIPIENTS = List.of(COUNCIL, HOUSING, PROBATION, MH_TRUST);

  private final FakeIdentityLinks known = new FakeIdentityLinks()
      .link(id(NOMINAL, SUSPECT), id(TENANCY, "T104233"), id(CRN, "X123456"));
  private final CountingLinks counted = new CountingLinks(known);
  private final PolicyEngine engine = new AgreementPolicyEngine(Engine::committedAgreements,
      new FakePartnerDirectory(), counted, Set.of("northshire-police", "northshire-probation"), ImplementationGuide.load());

  @Test
  void eachPersonIsLookedUpOnceForAllRecipientsAndEachDecisionIsTheOneMadeAlone() {
    Bundle incident = MessageBuilder.example("incident-reported").build();
    int people = (int) incident.getEntry().stream().filter(e -> e.getResource() instanceof org.hl7.fhir.r4.model.Patient).count();

    PolicyEngine.MessageDecisions together = engine.about(incident, Engine.IN_FORCE);
    List<PolicyDecision> decided = RECIPIENTS.stream().map(together::decide).toList();
    int lookUpsTogether = counted.calls.getAndSet(0);
    List<PolicyDecision> alone = RECIPIENTS.stream().map(r -> engine.decide(incident, r, Engine.IN_FORCE)).toList();
    int lookUpsAlone = counted.calls.get();

    assertThat(lookUpsTogether).as("one look-up per person at most").isLessThanOrEqualTo(people);
    assertThat(lookUpsAlone).as("the recipients alone ask again and again").isGreaterThan(lookUpsTogether);
    assertThat(decided.stream().mapToLong(d -> d.disclosures().size()).sum()).as("something is shared").isPositive();
    for (int i = 0; i < RECIPIENTS.size(); i++) {
      assertThat(describe(decided.get(i))).as(RECIPIENTS.get(i)).isEqualTo(describe(alone.get(i)));
    }
  }

  /** A decision as text: each disclosure's view, each withholding and each reason. */
  private static String describe(PolicyDecision decision) {
    return decision.disclosures().stream().map(d -> d.agreementId() + " " + MessageBuilder.json(d.view())).toList()
        + "\n" + decision.withholdings() + "\n" + decision.reasons();
  }

  private static final class CountingLinks implements IdentityLinks {
    final AtomicInteger calls = new AtomicInteger();
    private final IdentityLinks links;

    CountingLinks(IdentityLinks links) {
      this.links = links;
    }

    @Override
    public Set<AgencyIdentifier> linkedTo(Collection<AgencyIdentifier> identifiers) {
      calls.incrementAndGet();
      return links.linkedTo(identifiers);
    }
  }
}
