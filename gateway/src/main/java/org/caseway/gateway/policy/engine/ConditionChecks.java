package org.caseway.gateway.policy.engine;

import java.util.Set;
import org.caseway.gateway.agreement.Condition;
import org.caseway.gateway.identity.AgencyIdentifier;
import org.caseway.gateway.identity.IdentityLinks;

/**
 * Evaluates the conditions of agreement rules that decide whether something is shared at all (per
 * person, or per message); the conditions that shape values ({@code only-markers}, {@code
 * location-detail}) are applied by {@link ValueFilters}. Thread-safe.
 */
final class ConditionChecks {

  /**
   * The outcome of one condition for one person or message.
   *
   * @param passed whether it holds
   * @param code the withholding code when it does not, e.g. {@code CONSENT_REFUSED}
   * @param detail why, in words
   */
  record Outcome(boolean passed, String code, String detail) {

    static Outcome pass(String detail) {
      return new Outcome(true, null, detail);
    }

    static Outcome fail(String code, String detail) {
      return new Outcome(false, code, detail);
    }
  }

  private final IdentityLinks links;

  ConditionChecks(IdentityLinks links) {
    this.links = links;
  }

  /** A condition about a person, for one person. */
  Outcome forPerson(Condition condition, Person person, MessageFacts facts) {
    return switch (condition.type()) {
      case SUBJECT_LINKED_TO -> linked(condition, person, facts);
      case SUBJECT_HAS_MARKER -> person.hasAnyMarker(Set.copyOf(condition.values()))
          ? Outcome.pass("has a marker of " + condition.values())
          : Outcome.fail("MARKER_ABSENT", "has no active marker of " + condition.values());
      case SUBJECT_CONSENT -> consent(condition, person);
      default -> throw new IllegalArgumentException(condition.type() + " is not about a person");
    };
  }

  /** A condition about the message (the case's risk level). */
  Outcome forMessage(Condition condition, MessageFacts facts) {
    String level = facts.caseRiskLevel().orElse(null);
    return level != null && condition.values().contains(level)
        ? Outcome.pass("the case's risk level is " + level)
        : Outcome.fail("VALUE_NOT_MET", "the case's risk level is " + (level == null ? "not given" : level)
            + ", not " + condition.values());
  }

  private Outcome linked(Condition condition, Person person, MessageFacts facts) {
    for (AgencyIdentifier identifier : facts.linkedTo(person, links)) {
      if (condition.values().contains(identifier.system())) {
        return Outcome.pass("linked to " + identifier.system());
      }
    }
    return Outcome.fail("SUBJECT_NOT_LINKED", "not linked to an identifier of " + condition.values());
  }

  private static Outcome consent(Condition condition, Person person) {
    if (person.hasAnyMarker(condition.unlessMarker())) {
      return Outcome.pass("vital interests: has a marker of " + condition.unlessMarker()
          + ", so consent is not needed (consent recorded: " + person.consent().name().toLowerCase() + ")");
    }
    return switch (person.consent()) {
      case PERMIT -> Outcome.pass("consent recorded (Consent provision permit)");
      case DENY -> Outcome.fail("CONSENT_REFUSED", "consent refused (Consent provision deny)");
      case NONE -> Outcome.fail("CONSENT_NOT_RECORDED", "no consent recorded");
    };
  }
}
