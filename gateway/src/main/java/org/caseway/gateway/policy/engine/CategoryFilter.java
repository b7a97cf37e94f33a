package org.caseway.gateway.policy.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * Applies data categories to a view through the guide's classification: a resource whose category
 * is not allowed goes; of a resource that stays, each classified child value (an identifier, an
 * extension, an address ...) whose category is not allowed goes. The recipient's own identifier
 * for a person is {@code identity}, whatever the classification says of identifiers.
 *
 * <p>Stateless; categories of the message envelope ({@code message}) are always allowed.
 */
final class CategoryFilter {

  static final String MESSAGE = "message";
  static final String IDENTITY = "identity";

  private CategoryFilter() {}

  /**
   * Cuts the view down to {@code allowed} (and, per person, without {@code deniedByPerson});
   * returns the categories withheld.
   */
  static Set<String> apply(View view, Set<String> allowed, Set<String> recipientSystems,
      Map<String, Set<String>> deniedByPerson) {
    Set<String> withheld = new TreeSet<>();
    for (Resource resource : view.resources()) {
      ElementCategories.ProfileCategories profile = view.profileOf(resource);
      String key = view.keyOf(resource);
      Set<String> denied = deniedByPerson.getOrDefault(personOf(view, resource, key), Set.of());
      if (profile == null) {
        view.remove(key);
        withheld.add("unclassified");
      } else if (!mayShare(profile.rootCategory(), allowed, denied)) {
        view.remove(key);
        withheld.add(profile.rootCategory());
      } else {
        pruneChildren(resource, profile, allowed, denied, recipientSystems, withheld);
      }
    }
    return withheld;
  }

  /** The categories and element ids of what the view holds, sorted. */
  static void describe(List<Resource> resources, ElementCategories classified, Set<String> recipientSystems,
      SortedSet<String> categories, SortedSet<String> elements) {
    for (Resource resource : resources) {
      ElementCategories.ProfileCategories profile = classified.of(resource);
      if (profile == null) {
        continue;
      }
      categories.add(profile.rootCategory());
      elements.add(resource.fhirType());
      for (ElementCategories.Child child : profile.children()) {
        for (Base value : valuesOf(resource, child)) {
          categories.add(categoryOf(child, value, recipientSystems));
          elements.add(elementIdOf(child, value));
        }
      }
    }
  }

  private static void pruneChildren(Resource resource, ElementCategories.ProfileCategories profile,
      Set<String> allowed, Set<String> denied, Set<String> recipientSystems, Set<String> withheld) {
    for (ElementCategories.Child child : profile.children()) {
      for (Base value : valuesOf(resource, child)) {
        String category = categoryOf(child, value, recipientSystems);
        if (!mayShare(category, allowed, denied)) {
          removeValue(resource, child, value);
          withheld.add(category);
        }
      }
    }
  }

  private static boolean mayShare(String category, Set<String> allowed, Set<String> denied) {
    return MESSAGE.equals(category) || (allowed.contains(category) && !denied.contains(category));
  }

  private static String personOf(View view, Resource resource, String key) {
    return resource instanceof Patient ? key : view.facts().keyOf(View.subjectOf(resource));
  }

  static List<Base> valuesOf(Resource resource, ElementCategories.Child child) {
    if (child.child().equals("extension") && resource instanceof DomainResource domain) {
      return new ArrayList<>(domain.getExtension());
    }
    return List.of(resource.getProperty(child.child().hashCode(), child.child(), false));
  }

  private static void removeValue(Resource resource, ElementCategories.Child child, Base value) {
    if (child.child().equals("extension") && resource instanceof DomainResource domain) {
      domain.getExtension().remove(value);
    } else {
      resource.removeChild(child.child(), value);
    }
  }

  static String categoryOf(ElementCategories.Child child, Base value, Set<String> recipientSystems) {
    ElementCategories.Slice slice = sliceOf(child, value);
    if (value instanceof Identifier identifier && recipientSystems.contains(identifier.getSystem())) {
      return IDENTITY;
    }
    return slice == null ? child.category() : slice.category();
  }

  private static String elementIdOf(ElementCategories.Child child, Base value) {
    ElementCategories.Slice slice = sliceOf(child, value);
    return slice == null ? child.elementId() : slice.elementId();
  }

  private static ElementCategories.Slice sliceOf(ElementCategories.Child child, Base value) {
    if (value instanceof Extension extension) {
      return child.slices().get(extension.getUrl());
    }
    if (value instanceof Identifier identifier) {
      return child.slices().get(identifier.getSystem());
    }
    return null;
  }
}
