package org.caseway.gateway.policy.engine;

import java.util.Collection;
import java.util.Set;
import org.caseway.gateway.agreement.Agreement;
import org.caseway.gateway.agreement.AgreementRule;
import org.caseway.gateway.partner.Partner;

/**
 * One agreement rule being applied to one message for one recipient.
 *
 * @param facts the message
 * @param agreement the agreement version
 * @param rule its rule from the message's source to the recipient
 * @param purpose the purpose the recipient subscribes to and the agreement serves
 * @param recipient the recipient
 * @param recorder where reasons and withholdings go
 */
record Considered(
    MessageFacts facts,
    Agreement agreement,
    AgreementRule rule,
    String purpose,
    Partner recipient,
    DecisionRecorder recorder) {

  /** e.g. {@code ISA-ASB v3 northshire-police->northshire-housing}, for explanations. */
  String label() {
    return agreement.label() + " " + rule.name();
  }

  void withhold(String check, String code, String detail, Set<String> categories, Collection<Person> about) {
    recorder.withholdPart(agreement, purpose, label() + ": " + check, code, detail, categories, about);
  }

  void allow(String check, String detail) {
    recorder.reason(label() + ": " + check, DecisionRecorder.ALLOWED, detail);
  }
}
