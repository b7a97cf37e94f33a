package org.caseway.gateway.agreement;

import java.util.List;
import java.util.Set;

/**
 * One condition of an agreement rule, as written in the document.
 *
 * @param type what is checked, one of {@link ConditionType}
 * @param values the condition's values (identifier systems, marker codes, risk levels ...)
 * @param appliesTo the categories the condition gates; empty means the whole rule
 * @param unlessMarker marker codes that waive the condition for a person (vital interests)
 */
public record Condition(
    ConditionType type, List<String> values, Set<String> appliesTo, Set<String> unlessMarker) {

  public Condition {
    values = List.copyOf(values);
    appliesTo = Set.copyOf(appliesTo);
    unlessMarker = Set.copyOf(unlessMarker);
  }

  /** Whether the condition gates the whole rule rather than some categories. */
  public boolean gatesWholeRule() {
    return appliesTo.isEmpty();
  }

  @Override
  public String toString() {
    return type.key() + " " + values
        + (appliesTo.isEmpty() ? "" : " applies-to " + appliesTo)
        + (unlessMarker.isEmpty() ? "" : " unless-marker " + unlessMarker);
  }
}
