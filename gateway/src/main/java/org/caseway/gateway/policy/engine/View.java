package org.caseway.gateway.policy.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * The message as one recipient will see it, while the engine cuts it down: a copy of the message
 * with its entries indexed by key. Not thread-safe; one per decision and agreement.
 */
final class View {

  private final MessageFacts facts;
  private final Bundle bundle;
  private final Map<String, BundleEntryComponent> entries = new LinkedHashMap<>();
  private final Map<Resource, String> keysByResource = new java.util.IdentityHashMap<>();
  private final ElementCategories categories;

  View(MessageFacts facts, ElementCategories categories) {
    this.facts = facts;
    this.categories = categories;
    this.bundle = facts.message().copy();
    for (BundleEntryComponent entry : bundle.getEntry()) {
      String key = MessageFacts.keyOf(entry);
      entries.put(key, entry);
      keysByResource.put(entry.getResource(), key);
    }
  }

  Bundle bundle() {
    return bundle;
  }

  MessageFacts facts() {
    return facts;
  }

  boolean contains(String key) {
    return key != null && entries.containsKey(key);
  }

  /** The resources still in the view, in entry order (a snapshot: removing while iterating is safe). */
  List<Resource> resources() {
    return entries.values().stream().map(BundleEntryComponent::getResource).toList();
  }

  Collection<String> keys() {
    return List.copyOf(entries.keySet());
  }

  Resource resource(String key) {
    BundleEntryComponent entry = entries.get(key);
    return entry == null ? null : entry.getResource();
  }

  /** The key of a resource of this view (by identity); null if it is not, or no longer, in it. */
  String keyOf(Resource resource) {
    String key = keysByResource.get(resource);
    return key != null && entries.containsKey(key) ? key : null;
  }

  /** The category of a resource, from its profile; {@code null} if it has no Caseway profile. */
  String categoryOf(Resource resource) {
    ElementCategories.ProfileCategories profile = profileOf(resource);
    return profile == null ? null : profile.rootCategory();
  }

  ElementCategories.ProfileCategories profileOf(Resource resource) {
    return categories.of(resource);
  }

  ElementCategories classified() {
    return categories;
  }

  /** Removes an entry; returns its category (null if it had none or was not there). */
  String remove(String key) {
    BundleEntryComponent entry = entries.remove(key);
    if (entry == null) {
      return null;
    }
    bundle.getEntry().remove(entry);
    return categoryOf(entry.getResource());
  }

  /**
   * Removes a person and every resource about them (flags, consents, referrals, episodes, tasks);
   * returns the categories removed. References to them elsewhere are cut by {@link
   * ReferenceCleanup}.
   */
  Set<String> removePerson(String personKey) {
    Set<String> removed = new TreeSet<>();
    addIfNotNull(removed, remove(personKey));
    for (String key : new ArrayList<>(entries.keySet())) {
      if (personKey.equals(facts.keyOf(subjectOf(resource(key))))) {
        addIfNotNull(removed, remove(key));
      }
    }
    return removed;
  }

  /** The reference to the person a resource is about, or null if it is not about one person. */
  static Reference subjectOf(Resource resource) {
    if (resource instanceof Flag flag) {
      return flag.getSubject();
    } else if (resource instanceof Consent consent) {
      return consent.getPatient();
    } else if (resource instanceof ServiceRequest request) {
      return request.getSubject();
    } else if (resource instanceof Task task) {
      return task.getFor();
    } else if (resource instanceof EpisodeOfCare episode) {
      return episode.getPatient();
    }
    return null;
  }

  private static void addIfNotNull(Set<String> set, String value) {
    if (value != null) {
      set.add(value);
    }
  }
}
