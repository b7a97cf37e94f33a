package org.caseway.gateway.agreement;

import java.util.List;
import java.util.Set;

/**
 * One row of an agreement: what {@code from} may share with {@code to}, on which conditions.
 *
 * @param from the sending partner id
 * @param to the receiving partner id
 * @param share the data categories allowed
 * @param conditions the conditions, in document order
 * @param line the line of the rule in its file, for explanations
 */
public record AgreementRule(
    String from, String to, Set<String> share, List<Condition> conditions, int line) {

  public AgreementRule {
    share = Set.copyOf(share);
    conditions = List.copyOf(conditions);
  }

  public boolean covers(String sourceId, String recipientId) {
    return from.equals(sourceId) && to.equals(recipientId);
  }

  /** For explanations: e.g. {@code northshire-police->northshire-council}. */
  public String name() {
    return from + "->" + to;
  }
}
