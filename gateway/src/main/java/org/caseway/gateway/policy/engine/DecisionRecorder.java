package org.caseway.gateway.policy.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.caseway.gateway.agreement.Agreement;
import org.caseway.gateway.identity.AgencyIdentifier;
import org.caseway.gateway.policy.Disclosure;
import org.caseway.gateway.policy.PolicyDecision;
import org.caseway.gateway.policy.Reason;
import org.caseway.gateway.policy.Withholding;

/**
 * Collects, for one decision, every rule considered (for {@code $explain}), every withholding and
 * every disclosure, in the order the engine meets them. Not thread-safe; one per decision.
 */
final class DecisionRecorder {

  static final String ALLOWED = "allowed";
  static final String WITHHELD = "withheld";
  static final String NOT_APPLICABLE = "not-applicable";

  private final MessageFacts facts;
  private final String recipientId;
  private final List<Reason> reasons = new ArrayList<>();
  private final List<Withholding> withholdings = new ArrayList<>();
  private final List<Disclosure> disclosures = new ArrayList<>();

  DecisionRecorder(MessageFacts facts, String recipientId) {
    this.facts = facts;
    this.recipientId = recipientId;
  }

  void reason(String rule, String outcome, String detail) {
    reasons.add(new Reason(rule, outcome, detail));
  }

  /** Withholds the whole message, outside any agreement (partner status, deny by default ...). */
  void withholdMessage(String rule, String code, String detail) {
    reason(rule, WITHHELD, detail);
    withholdings.add(new Withholding(null, null, null, code, detail, messageCategories(), everyone()));
  }

  /** Withholds the whole message under one agreement. */
  void withholdUnder(Agreement agreement, String purpose, String rule, String code, String detail) {
    reason(rule, WITHHELD, detail);
    withholdings.add(new Withholding(agreement.id(), agreement.version(), purpose, code, detail,
        messageCategories(), everyone()));
  }

  /** Withholds part of the message under one agreement. */
  void withholdPart(Agreement agreement, String purpose, String rule, String code, String detail,
      Set<String> categories, Collection<Person> about) {
    reason(rule, WITHHELD, detail);
    withholdings.add(new Withholding(agreement.id(), agreement.version(), purpose, code, detail, categories,
        about.stream().map(Person::identifiers).toList()));
  }

  void disclose(Disclosure disclosure) {
    disclosures.add(disclosure);
  }

  boolean disclosedAnything() {
    return !disclosures.isEmpty();
  }

  PolicyDecision decision() {
    return new PolicyDecision(facts.envelope().messageId(), facts.envelope().eventCode(),
        facts.envelope().sourcePartnerId(), recipientId, disclosures, withholdings, reasons);
  }

  private List<Set<AgencyIdentifier>> everyone() {
    return facts.persons().stream().map(Person::identifiers).toList();
  }

  private Set<String> messageCategories() {
    return new TreeSet<>(facts.categories());
  }
}
