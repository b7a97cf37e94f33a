package org.caseway.gateway.policy.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.caseway.gateway.agreement.Condition;
import org.caseway.gateway.agreement.ConditionType;
import org.caseway.gateway.identity.IdentityLinks;
import org.caseway.gateway.policy.Disclosure;
import org.hl7.fhir.r4.model.Patient;

/**
 * Builds what one recipient may see of one message under one agreement rule, step by step: people
 * who never leave their source (rule 2), people the rule's conditions leave out, categories the
 * rule does not allow (and ethnicity, rule 3), values the rule shapes, then dangling references.
 * Every step records what it withheld and why. Thread-safe (state lives in each call).
 */
final class AgreementView {

  static final String ETHNICITY = "ethnicity";

  private final ElementCategories categories;
  private final ConditionChecks checks;
  private final Set<String> sourceOnlyRoles;
  private final ViewFinisher finisher;

  AgreementView(ElementCategories categories, IdentityLinks links, Set<String> sourceOnlyRoles) {
    this.categories = categories;
    this.checks = new ConditionChecks(links);
    this.sourceOnlyRoles = Set.copyOf(sourceOnlyRoles);
    this.finisher = new ViewFinisher(categories, links);
  }

  /** The disclosure under this rule, or empty if nothing about anyone may be shared. */
  Optional<Disclosure> build(Considered considered) {
    View view = new View(considered.facts(), categories);
    List<Person> people = new ArrayList<>(considered.facts().persons());
    removeSourceOnlyPeople(view, people, considered);
    applyPersonConditions(view, people, considered);
    Set<String> allowed = allowedCategories(considered);
    Map<String, Set<String>> deniedByPerson = personCategoryConditions(people, considered);
    applyValueFilters(view, considered);
    applyCategories(view, allowed, deniedByPerson, considered);
    finisher.addRecipientIdentifiers(view, people, considered);
    removeUnidentifiablePeople(view, people, considered);
    ReferenceCleanup.clean(view);
    if (!somethingAboutSomeoneRemains(view, people, considered)) {
      return Optional.empty();
    }
    return Optional.of(finisher.finish(view, people, considered));
  }

  /** Rule 2: witnesses, reporters and complainants are removed with everything about them. */
  private void removeSourceOnlyPeople(View view, List<Person> people, Considered considered) {
    for (Person person : List.copyOf(people)) {
      Set<String> roles = new TreeSet<>(person.roles());
      roles.retainAll(sourceOnlyRoles);
      if (!roles.isEmpty()) {
        people.remove(person);
        considered.withhold("rule 2: witnesses and reporters", "SOURCE_ONLY_ROLE",
            "person " + person.key() + " has the role " + roles + ", which never leaves its source",
            view.removePerson(person.key()), List.of(person));
      }
    }
  }

  /** Conditions about a person that gate the whole rule: a person who fails is left out. */
  private void applyPersonConditions(View view, List<Person> people, Considered considered) {
    for (Condition condition : considered.rule().conditions()) {
      if (!condition.type().aboutAPerson() || !condition.gatesWholeRule()) {
        continue;
      }
      for (Person person : List.copyOf(people)) {
        ConditionChecks.Outcome outcome = checks.forPerson(condition, person, considered.facts());
        String check = "condition " + condition;
        if (outcome.passed()) {
          considered.allow(check, "person " + person.key() + " " + outcome.detail());
        } else {
          people.remove(person);
          considered.withhold(check, outcome.code(), "person " + person.key() + " " + outcome.detail(),
              view.removePerson(person.key()), List.of(person));
        }
      }
    }
  }

  /** The rule's categories, less ethnicity (rule 3) and categories whose message condition fails. */
  private Set<String> allowedCategories(Considered considered) {
    Set<String> allowed = new HashSet<>(considered.rule().share());
    if (allowed.remove(ETHNICITY) || considered.facts().categories().contains(ETHNICITY)) {
      considered.withhold("rule 3: ethnicity", "ETHNICITY_STAYS_AT_SOURCE",
          "ethnicity is never disclosed outside its source agency", Set.of(ETHNICITY), considered.facts().persons());
    }
    for (Condition condition : considered.rule().conditions()) {
      if (condition.type() != ConditionType.CASE_RISK_LEVEL) {
        continue;
      }
      ConditionChecks.Outcome outcome = checks.forMessage(condition, considered.facts());
      String check = "condition " + condition;
      if (outcome.passed()) {
        considered.allow(check, outcome.detail());
      } else if (condition.gatesWholeRule()) {
        allowed.clear();
        considered.withhold(check, outcome.code(), outcome.detail(), considered.facts().categories(), List.of());
      } else {
        allowed.removeAll(condition.appliesTo());
        considered.withhold(check, outcome.code(), outcome.detail(), condition.appliesTo(), List.of());
      }
    }
    return allowed;
  }

  /** Conditions about a person that gate some categories: per person, the categories they deny. */
  private Map<String, Set<String>> personCategoryConditions(List<Person> people, Considered considered) {
    Map<String, Set<String>> denied = new HashMap<>();
    for (Condition condition : considered.rule().conditions()) {
      if (!condition.type().aboutAPerson() || condition.gatesWholeRule()) {
        continue;
      }
      for (Person person : people) {
        ConditionChecks.Outcome outcome = checks.forPerson(condition, person, considered.facts());
        String check = "condition " + condition;
        if (outcome.passed()) {
          considered.allow(check, "person " + person.key() + " " + outcome.detail());
        } else {
          denied.computeIfAbsent(person.key(), k -> new HashSet<>()).addAll(condition.appliesTo());
          considered.withhold(check, outcome.code(), "person " + person.key() + " " + outcome.detail(),
              condition.appliesTo(), List.of(person));
        }
      }
    }
    return denied;
  }

  private void applyValueFilters(View view, Considered considered) {
    for (Condition condition : considered.rule().conditions()) {
      if (condition.type() == ConditionType.ONLY_MARKERS || condition.type() == ConditionType.LOCATION_DETAIL) {
        String removed = ValueFilters.apply(condition, view);
        String check = "condition " + condition;
        if (removed.isEmpty()) {
          considered.allow(check, "nothing to restrict");
        } else {
          considered.withhold(check, "VALUE_RESTRICTED", "withheld " + removed, condition.appliesTo(),
              considered.facts().persons());
        }
      }
    }
  }

  private void applyCategories(View view, Set<String> allowed, Map<String, Set<String>> deniedByPerson,
      Considered considered) {
    Set<String> withheld =
        CategoryFilter.apply(view, allowed, Set.copyOf(considered.recipient().identifierSystems()), deniedByPerson);
    withheld.remove(ETHNICITY);
    String check = "categories " + new TreeSet<>(considered.rule().share());
    if (withheld.isEmpty()) {
      considered.allow(check, "every category in the message is allowed");
    } else {
      considered.withhold(check, "CATEGORY_NOT_ALLOWED", "the rule does not allow " + withheld, withheld,
          considered.facts().persons());
    }
  }

  /**
   * The guide requires every person to carry an identifier. One the recipient may not see any
   * identifier of (no {@code identifiers} in the rule, and the identity index knows none of its own)
   * is left out rather than sent half-identified.
   */
  private void removeUnidentifiablePeople(View view, List<Person> people, Considered considered) {
    for (Person person : List.copyOf(people)) {
      if (view.resource(person.key()) instanceof Patient patient && !patient.hasIdentifier()) {
        people.remove(person);
        considered.withhold("identifiable to the recipient", "PERSON_NOT_IDENTIFIABLE", "person " + person.key()
                + " would carry no identifier: the rule does not share other agencies' identifiers and the identity"
                + " index knows no identifier of " + considered.recipient().id() + " for them",
            view.removePerson(person.key()), List.of(person));
      }
    }
  }

  /**
   * If nobody remains whom the message is about, or its focus is gone, nothing is disclosed. A rule
   * that shares "only about a subject who ..." shares nothing of a message about no one (an
   * incident without people), since no subject meets its condition.
   */
  private boolean somethingAboutSomeoneRemains(View view, List<Person> people, Considered considered) {
    boolean personRemains = people.stream().anyMatch(p -> view.contains(p.key()));
    boolean onlyAboutSubjects = considered.rule().conditions().stream()
        .anyMatch(c -> c.type().aboutAPerson() && c.gatesWholeRule());
    if ((!considered.facts().persons().isEmpty() || onlyAboutSubjects) && !personRemains) {
      considered.recorder().withholdUnder(considered.agreement(), considered.purpose(),
          considered.label() + ": nobody remains", "NO_SUBJECT_QUALIFIES",
          "no person in the message may be disclosed to " + considered.recipient().id() + " under this rule");
      return false;
    }
    if (!finisher.focusRemains(view)) {
      considered.recorder().withholdUnder(considered.agreement(), considered.purpose(),
          considered.label() + ": focus withheld", "FOCUS_WITHHELD",
          "what the message is about (MessageHeader.focus) may not be disclosed under this rule");
      return false;
    }
    return true;
  }
}
