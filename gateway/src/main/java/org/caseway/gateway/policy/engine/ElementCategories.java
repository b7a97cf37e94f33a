package org.caseway.gateway.policy.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.classification.DataCategoryClassification;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * The guide's element classification, compiled once into what the engine needs per resource: the
 * category of each profile's root, and of each child element that is classified apart from it
 * (e.g. {@code Patient.identifier}, the slice {@code Patient.identifier:pnc} told apart by its
 * fixed system, {@code Basic.extension:narrative} by its extension URL).
 *
 * <p>The classification lists root and first-level elements only; anything deeper is refused here,
 * at start, rather than silently shared. Immutable and thread-safe.
 */
final class ElementCategories {

  /**
   * One classified child element of a profile.
   *
   * @param elementId e.g. {@code Patient.identifier}
   * @param child the child's name, e.g. {@code identifier}
   * @param category its category (unsliced values)
   * @param slices per slice: discriminator value (extension URL or identifier system) to slice
   */
  record Child(String elementId, String child, String category, Map<String, Slice> slices) {}

  /** A slice of a child: its element id and category. */
  record Slice(String elementId, String category) {}

  /** A profile's root category and classified children. */
  record ProfileCategories(String rootCategory, List<Child> children) {}

  private final Map<String, ProfileCategories> byProfile = new HashMap<>();

  ElementCategories(ImplementationGuide guide, DataCategoryClassification classification) {
    Map<String, StructureDefinition> profiles = new HashMap<>();
    guide.conformanceResources().stream()
        .filter(StructureDefinition.class::isInstance)
        .map(StructureDefinition.class::cast)
        .forEach(sd -> profiles.put(sd.getUrl(), sd));
    for (String url : classification.profiles()) {
      byProfile.put(url, compile(url, profiles.get(url), classification));
    }
  }

  /** The compiled categories of a profile, or null if it is not a Caseway profile. */
  ProfileCategories of(String profileUrl) {
    return byProfile.get(profileUrl);
  }

  /** The compiled categories of a resource's (first) profile, or null if it has no Caseway profile. */
  ProfileCategories of(Resource resource) {
    return resource.getMeta().hasProfile() ? of(resource.getMeta().getProfile().get(0).getValue()) : null;
  }

  private static ProfileCategories compile(
      String url, StructureDefinition profile, DataCategoryClassification classification) {
    Map<String, String> entries = classification.entries(url);
    String root = entries.keySet().iterator().next().split("\\.")[0];
    Map<String, Child> children = new HashMap<>();
    for (String elementId : entries.keySet()) {
      String[] parts = elementId.split("\\.");
      if (parts.length == 1) {
        continue;
      }
      if (parts.length > 2) {
        throw new IllegalStateException("The policy engine applies categories to first-level elements only; "
            + url + " classifies " + elementId + ". Classify its first-level element instead.");
      }
      String child = parts[1].split(":")[0];
      children.computeIfAbsent(child, c -> new Child(root + "." + c, c,
          classification.categoryOf(url, root + "." + c), new HashMap<>()));
      if (parts[1].contains(":")) {
        children.get(child).slices().put(discriminator(profile, elementId),
            new Slice(elementId, classification.categoryOf(url, elementId)));
      }
    }
    return new ProfileCategories(classification.categoryOf(url, root), List.copyOf(children.values()));
  }

  /** The extension URL or identifier system that tells a slice apart, from the profile. */
  private static String discriminator(StructureDefinition profile, String sliceId) {
    if (profile == null) {
      throw new IllegalStateException("No profile in the guide for the classified slice " + sliceId);
    }
    for (ElementDefinition element : profile.getDifferential().getElement()) {
      if (element.getId().equals(sliceId) && element.hasType() && element.getTypeFirstRep().hasProfile()) {
        return element.getTypeFirstRep().getProfile().get(0).getValue();
      }
      if (element.getId().equals(sliceId + ".system") && element.hasFixed()) {
        return element.getFixed().primitiveValue();
      }
    }
    throw new IllegalStateException("Cannot tell the slice " + sliceId + " of " + profile.getUrl()
        + " apart: it has neither an extension profile nor a fixed system");
  }
}
