package org.caseway.gateway.policy.engine;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.caseway.conformance.MessageEnvelope;
import org.caseway.gateway.identity.AgencyIdentifier;
import org.caseway.gateway.identity.IdentityLinks;
import org.caseway.gateway.policy.PolicyException;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * What the engine reads from a message, read once per message and shared by the decisions for all
 * its recipients: the envelope, the people in it and what conditions ask about them, the case's
 * risk level, the message's security labels, and what the identity index links each person to
 * (asked once per person, when first needed). Thread-safe; immutable after construction but for
 * that memo.
 */
final class MessageFacts {

  private final Bundle message;
  private final MessageEnvelope envelope;
  private final Map<String, String> keyByReference = new HashMap<>();
  private final Map<String, Person> persons = new LinkedHashMap<>();
  private final Set<String> securityCodes = new HashSet<>();
  private final SortedSet<String> categories = new TreeSet<>();
  private String caseRiskLevel;
  private final Map<String, Set<AgencyIdentifier>> linkedByPerson = new ConcurrentHashMap<>();

  private MessageFacts(Bundle message) {
    this.message = message;
    try {
      this.envelope = MessageEnvelope.of(message);
    } catch (IllegalArgumentException e) {
      throw new PolicyException(e.getMessage(), e);
    }
  }

  static MessageFacts of(Bundle message, ElementCategories classified) {
    MessageFacts facts = new MessageFacts(message);
    CategoryFilter.describe(message.getEntry().stream().map(BundleEntryComponent::getResource).toList(),
        classified, Set.of(), facts.categories, new TreeSet<>());
    facts.indexReferences();
    facts.readSecurity();
    facts.readPersons();
    return facts;
  }

  Bundle message() {
    return message;
  }

  MessageEnvelope envelope() {
    return envelope;
  }

  /** The people in the message, in entry order. */
  List<Person> persons() {
    return List.copyOf(persons.values());
  }

  /** The data categories in the message. */
  Set<String> categories() {
    return Collections.unmodifiableSet(categories);
  }

  /**
   * What {@code links} links to the person, asked once per person of this message: the decisions
   * for every recipient see the same cluster, at the cost of one look-up.
   */
  Set<AgencyIdentifier> linkedTo(Person person, IdentityLinks links) {
    return linkedByPerson.computeIfAbsent(person.key(), key -> links.linkedTo(person.identifiers()));
  }

  Optional<String> caseRiskLevel() {
    return Optional.ofNullable(caseRiskLevel);
  }

  /** Whether the message or any resource in it is labelled OFFICIAL-SENSITIVE or restricted. */
  boolean officialSensitive() {
    return securityCodes.contains("OFFICIAL-SENSITIVE") || securityCodes.contains("R")
        || securityCodes.contains("V");
  }

  /** The entry key (fullUrl) a reference points to, or null if it points outside the message. */
  String keyOf(Reference reference) {
    return reference == null || !reference.hasReference() ? null : keyByReference.get(reference.getReference());
  }

  /** Every entry key of the message. */
  Set<String> keys() {
    return new HashSet<>(keyByReference.values());
  }

  static String keyOf(BundleEntryComponent entry) {
    return entry.hasFullUrl() ? entry.getFullUrl()
        : entry.getResource().fhirType() + "/" + entry.getResource().getIdElement().getIdPart();
  }

  private void indexReferences() {
    for (BundleEntryComponent entry : message.getEntry()) {
      Resource resource = entry.getResource();
      String key = keyOf(entry);
      keyByReference.put(key, key);
      if (resource.hasIdElement()) {
        keyByReference.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), key);
      }
    }
  }

  private void readSecurity() {
    message.getMeta().getSecurity().forEach(c -> securityCodes.add(c.getCode()));
    for (BundleEntryComponent entry : message.getEntry()) {
      entry.getResource().getMeta().getSecurity().forEach(c -> securityCodes.add(c.getCode()));
    }
  }

  private void readPersons() {
    Map<String, Set<String>> roles = new HashMap<>();
    Map<String, Set<String>> markers = new HashMap<>();
    Map<String, Person.ConsentState> consents = new HashMap<>();
    for (BundleEntryComponent entry : message.getEntry()) {
      Resource resource = entry.getResource();
      if (resource instanceof Basic basic) {
        readRoles(basic, roles);
        readRiskLevel(basic);
      } else if (resource instanceof Flag flag && flag.getStatus() == Flag.FlagStatus.ACTIVE) {
        String key = keyOf(flag.getSubject());
        flag.getCode().getCoding().forEach(c -> markers.computeIfAbsent(key, k -> new HashSet<>()).add(c.getCode()));
      } else if (resource instanceof Consent consent) {
        readConsent(consent, consents);
      }
    }
    for (BundleEntryComponent entry : message.getEntry()) {
      if (entry.getResource() instanceof Patient patient) {
        String key = keyOf(entry);
        persons.put(key, new Person(key, identifiersOf(patient), roles.getOrDefault(key, Set.of()),
            markers.getOrDefault(key, Set.of()), consents.getOrDefault(key, Person.ConsentState.NONE)));
      }
    }
  }

  private void readRoles(Basic basic, Map<String, Set<String>> roles) {
    for (Extension participant : basic.getExtensionsByUrl(Canonical.PARTICIPANT)) {
      Extension role = participant.getExtensionByUrl("role");
      Extension person = participant.getExtensionByUrl("person");
      if (role != null && person != null && person.getValue() instanceof Reference ref
          && role.getValue() instanceof Coding coding) {
        roles.computeIfAbsent(keyOf(ref), k -> new LinkedHashSet<>()).add(coding.getCode());
      }
    }
  }

  private void readRiskLevel(Basic basic) {
    Extension level = basic.getExtensionByUrl(Canonical.RISK_LEVEL);
    if (level != null && level.getValue() instanceof Coding coding) {
      caseRiskLevel = coding.getCode();
    }
  }

  /** A refusal wins over a permission: the most cautious reading of two recorded consents. */
  private void readConsent(Consent consent, Map<String, Person.ConsentState> consents) {
    if (consent.getStatus() != Consent.ConsentState.ACTIVE || !consent.hasProvision()) {
      return;
    }
    Person.ConsentState state = switch (consent.getProvision().getType()) {
      case PERMIT -> Person.ConsentState.PERMIT;
      case DENY -> Person.ConsentState.DENY;
      default -> Person.ConsentState.NONE;
    };
    consents.merge(keyOf(consent.getPatient()), state, (a, b) ->
        a == Person.ConsentState.DENY || b == Person.ConsentState.DENY ? Person.ConsentState.DENY
            : a == Person.ConsentState.PERMIT ? a : b);
  }

  private static Set<AgencyIdentifier> identifiersOf(Patient patient) {
    Set<AgencyIdentifier> identifiers = new LinkedHashSet<>();
    for (Identifier identifier : patient.getIdentifier()) {
      if (identifier.hasSystem() && identifier.hasValue()) {
        identifiers.add(new AgencyIdentifier(identifier.getSystem(), identifier.getValue()));
      }
    }
    return identifiers;
  }
}
