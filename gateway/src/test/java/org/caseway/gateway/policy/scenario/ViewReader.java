package org.caseway.gateway.policy.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.util.FhirTerser;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.caseway.conformance.ImplementationGuide;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** Reads a view element by element, for assertions. */
public final class ViewReader {

  private ViewReader() {}

  public static <T extends Resource> List<T> all(Bundle view, Class<T> type) {
    return view.getEntry().stream().map(BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast).toList();
  }

  /** The resource types in the view, with their profiles' last part, e.g. {@code Flag:caseway-risk-flag}. */
  public static List<String> contents(Bundle view) {
    return view.getEntry().stream().map(e -> e.getResource().fhirType() + ":" + profile(e.getResource())).toList();
  }

  private static String profile(Resource resource) {
    String url = resource.getMeta().getProfile().get(0).getValue();
    return url.substring(url.lastIndexOf('/') + 1);
  }

  /** Every identifier of every person, as {@code system|value}, sorted. */
  public static Set<String> identifiers(Bundle view) {
    Set<String> ids = new TreeSet<>();
    for (Patient p : all(view, Patient.class)) {
      for (Identifier i : p.getIdentifier()) {
        ids.add(i.getSystem() + "|" + i.getValue());
      }
    }
    return ids;
  }

  /** The values of the persons' identifiers: who is in the view. */
  public static Set<String> identifierValues(Bundle view) {
    Set<String> ids = new TreeSet<>();
    all(view, Patient.class).forEach(p -> p.getIdentifier().forEach(i -> ids.add(i.getValue())));
    return ids;
  }

  public static Set<String> markers(Bundle view) {
    Set<String> codes = new TreeSet<>();
    all(view, Flag.class).forEach(f -> f.getCode().getCoding().forEach(c -> codes.add(c.getCode())));
    return codes;
  }

  /** The URLs' last parts of the extensions of the incident or case, e.g. {@code caseway-narrative}. */
  public static List<String> recordExtensions(Bundle view) {
    return all(view, Basic.class).stream().flatMap(b -> b.getExtension().stream())
        .map(e -> e.getUrl().substring(e.getUrl().lastIndexOf('/') + 1)).toList();
  }

  public static Set<String> patientExtensions(Bundle view) {
    Set<String> urls = new TreeSet<>();
    all(view, Patient.class).forEach(p -> p.getExtension().forEach(e -> urls.add(e.getUrl().substring(e.getUrl().lastIndexOf('/') + 1))));
    return urls;
  }

  public static boolean anyContact(Bundle view) {
    return all(view, Patient.class).stream().anyMatch(p -> p.hasAddress() || p.hasTelecom());
  }

  public static Location location(Bundle view) {
    List<Location> locations = all(view, Location.class);
    assertThat(locations).hasSize(1);
    return locations.get(0);
  }

  public static MessageHeader header(Bundle view) {
    return (MessageHeader) view.getEntryFirstRep().getResource();
  }

  /** Every reference in the view that names an entry key resolves to an entry of the view. */
  public static void assertNoDanglingReferences(Bundle view) {
    Set<String> keys = new HashSet<>();
    view.getEntry().forEach(e -> keys.add(e.getFullUrl()));
    FhirTerser terser = ImplementationGuide.load().fhirContext().newTerser();
    for (BundleEntryComponent entry : view.getEntry()) {
      for (Reference reference : terser.getAllPopulatedChildElementsOfType(entry.getResource(), Reference.class)) {
        if (reference.hasReference() && reference.getReference().startsWith("urn:uuid:")) {
          assertThat(keys).as("%s in %s resolves", reference.getReference(), entry.getFullUrl())
              .contains(reference.getReference());
        }
      }
    }
  }
}
