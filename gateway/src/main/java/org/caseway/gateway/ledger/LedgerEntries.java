package org.caseway.gateway.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.caseway.gateway.identity.AgencyIdentifier;
import org.caseway.gateway.policy.Disclosure;
import org.caseway.gateway.policy.PolicyDecision;
import org.caseway.gateway.policy.Withholding;

/** Turns a policy decision into the entries that record it: one per disclosure and withholding. */
public final class LedgerEntries {

  private static final ObjectMapper JSON = new ObjectMapper();

  private LedgerEntries() {}

  /**
   * @param decision the engine's decision for one recipient
   * @param disclosureIds the id of the bundle sent for each of {@code decision.disclosures()}, in
   *     the same order
   * @param at when it is recorded, millisecond precision
   */
  public static List<PendingEntry> of(PolicyDecision decision, List<String> disclosureIds, Instant at) {
    return of(decision, disclosureIds, at, List.of());
  }

  /**
   * As {@link #of(PolicyDecision, List, Instant)}; a withholding that names nobody (it concerns the
   * whole message) is recorded about {@code messagePeople}, so subject access finds it too.
   */
  public static List<PendingEntry> of(PolicyDecision decision, List<String> disclosureIds, Instant at,
      List<Set<AgencyIdentifier>> messagePeople) {
    List<PendingEntry> entries = new java.util.ArrayList<>();
    for (int i = 0; i < decision.disclosures().size(); i++) {
      entries.add(disclosed(decision, decision.disclosures().get(i), disclosureIds.get(i), at));
    }
    for (Withholding w : decision.withholdings()) {
      entries.add(withheld(decision, w.subjects().isEmpty() ? aboutEveryone(w, messagePeople) : w, at));
    }
    return entries;
  }

  private static Withholding aboutEveryone(Withholding w, List<Set<AgencyIdentifier>> people) {
    return new Withholding(w.agreementId(), w.agreementVersion(), w.purpose(), w.reasonCode(),
        w.reason(), w.categories(), people);
  }

  private static PendingEntry disclosed(PolicyDecision d, Disclosure disclosure, String id, Instant at) {
    LedgerEntry entry =
        new LedgerEntry(
            LedgerEntry.Kind.DISCLOSED, d.messageId(), id, d.event(), d.sourceId(), d.recipientId(),
            disclosure.agreementId(), disclosure.agreementVersion(), disclosure.purpose(), null, null,
            sorted(disclosure.categories()), sorted(disclosure.elements()),
            subjectsJson(disclosure.subjects()), at);
    return new PendingEntry(entry, flatten(disclosure.subjects()));
  }

  private static PendingEntry withheld(PolicyDecision d, Withholding w, Instant at) {
    LedgerEntry entry =
        new LedgerEntry(
            LedgerEntry.Kind.WITHHELD, d.messageId(), null, d.event(), d.sourceId(), d.recipientId(),
            w.agreementId(), w.agreementVersion(), w.purpose(), w.reasonCode(), w.reason(),
            sorted(w.categories()), "", subjectsJson(w.subjects()), at);
    return new PendingEntry(entry, flatten(w.subjects()));
  }

  /** The people of a withholding that concerns the whole message: the message's subject. */
  static Set<AgencyIdentifier> flatten(List<Set<AgencyIdentifier>> subjects) {
    return subjects.stream().flatMap(Set::stream).collect(Collectors.toSet());
  }

  private static String sorted(Collection<String> values) {
    return String.join(",", new TreeSet<>(values));
  }

  static String subjectsJson(List<Set<AgencyIdentifier>> subjects) {
    List<List<String>> sorted =
        subjects.stream()
            .map(s -> s.stream().map(AgencyIdentifier::toString).sorted().toList())
            .toList();
    try {
      return JSON.writeValueAsString(sorted);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Lists of strings always serialise", e);
    }
  }

  /** The people of a stored entry, parsed back from its JSON. */
  public static List<List<String>> subjects(String subjectsJson) {
    try {
      return JSON.readValue(
          subjectsJson,
          JSON.getTypeFactory()
              .constructCollectionType(
                  List.class, JSON.getTypeFactory().constructCollectionType(List.class, String.class)));
    } catch (JsonProcessingException e) {
      return List.of(List.of("(unreadable: " + e.getOriginalMessage() + ")"));
    }
  }
}
