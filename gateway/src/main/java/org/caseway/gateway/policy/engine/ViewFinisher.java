package org.caseway.gateway.policy.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.caseway.gateway.identity.AgencyIdentifier;
import org.caseway.gateway.identity.IdentityLinks;
import org.caseway.gateway.policy.Disclosure;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Patient;

/**
 * Makes a cut-down view a message of its own: the recipient's own identifier for each person
 * (from the identity index), a fresh header addressed to the recipient, and ids derived from the
 * message, recipient and agreement version so that a redelivery carries the same ids. The
 * original sender stays the source; security labels stay as they were. Thread-safe.
 */
final class ViewFinisher {

  /** The tag that names the agreement a view was made under (code = id, version = version). */
  static final String AGREEMENT_TAG_SYSTEM = "urn:caseway:agreement";

  private final ElementCategories categories;
  private final IdentityLinks links;

  ViewFinisher(ElementCategories categories, IdentityLinks links) {
    this.categories = categories;
    this.links = links;
  }

  boolean focusRemains(View view) {
    return !header(view.bundle()).getFocus().isEmpty();
  }

  Disclosure finish(View view, List<Person> people, Considered considered) {
    Set<String> systems = Set.copyOf(considered.recipient().identifierSystems());
    List<Person> disclosed = people.stream().filter(p -> view.contains(p.key())).toList();
    readdress(view.bundle(), considered);
    SortedSet<String> shownCategories = new TreeSet<>();
    SortedSet<String> elements = new TreeSet<>();
    CategoryFilter.describe(view.resources(), categories, systems, shownCategories, elements);
    considered.allow("disclosure", "a view with " + shownCategories + " about " + disclosed.size()
        + " person(s), bundle " + view.bundle().getIdElement().getIdPart());
    return new Disclosure(considered.agreement().id(), considered.agreement().version(), considered.purpose(),
        view.bundle(), shownCategories, List.copyOf(elements), disclosed.stream().map(Person::identifiers).toList());
  }

  /**
   * The recipient's own identifier for each person, where the identity index knows it; where the
   * person would otherwise carry no identifier at all, Caseway's pseudonym for them.
   */
  void addRecipientIdentifiers(View view, List<Person> people, Considered considered) {
    Set<String> systems = Set.copyOf(considered.recipient().identifierSystems());
    for (Person person : people) {
      if (!(view.resource(person.key()) instanceof Patient patient)) {
        continue;
      }
      Set<AgencyIdentifier> present = new HashSet<>();
      patient.getIdentifier().forEach(i -> present.add(new AgencyIdentifier(i.getSystem(), i.getValue())));
      for (AgencyIdentifier linked : systems.isEmpty() ? Set.<AgencyIdentifier>of()
          : considered.facts().linkedTo(person, links)) {
        if (systems.contains(linked.system()) && present.add(linked)) {
          patient.addIdentifier(new Identifier().setSystem(linked.system()).setValue(linked.value()));
        }
      }
      if (!patient.hasIdentifier()) {
        patient.addIdentifier(pseudonym(person, considered.recipient().id()));
      }
    }
  }

  /**
   * A person the recipient may see no agency identifier of still needs one (the guide requires
   * it, and a recipient must tell two people apart): a UUID derived from the source's identifiers
   * for the person and the recipient, the same every time for that recipient and different for
   * every other, so it links nothing across recipients.
   */
  static Identifier pseudonym(Person person, String recipientId) {
    String source = new TreeSet<>(person.identifiers().stream().map(AgencyIdentifier::toString).toList()).toString();
    return new Identifier()
        .setSystem(Canonical.SUBJECT_PSEUDONYM_SYSTEM)
        .setValue(DeterministicIds.of("subject|" + recipientId + "|" + source));
  }

  private static void readdress(Bundle view, Considered considered) {
    String name = considered.facts().envelope().messageId() + "|" + considered.recipient().id() + "|"
        + considered.agreement().id() + "|" + considered.agreement().version();
    String bundleId = DeterministicIds.of(name);
    String headerId = DeterministicIds.of(name + "|header");
    view.setId(bundleId);
    view.getMeta().addTag()
        .setSystem(AGREEMENT_TAG_SYSTEM)
        .setCode(considered.agreement().id())
        .setVersion(Integer.toString(considered.agreement().version()))
        .setDisplay(considered.agreement().title() + ", for " + considered.purpose());
    MessageHeader header = header(view);
    header.setId(headerId);
    view.getEntryFirstRep().setFullUrl("urn:uuid:" + headerId);
    header.getDestination().clear();
    header.addDestination().setEndpoint(Canonical.PARTNER_ENDPOINT + considered.recipient().id());
  }

  private static MessageHeader header(Bundle bundle) {
    return (MessageHeader) bundle.getEntryFirstRep().getResource();
  }
}
