package org.caseway.gateway.policy.engine;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * Leaves no dangling reference in a view: a resource whose person or target was withheld goes too;
 * an optional reference to something withheld (a header's focus, a participant, an incident's
 * location, a referral's supporting information) is cut. Repeats until nothing changes.
 *
 * <p>Only references to entries of the original message count as dangling; a reference to
 * something outside the message (a referral by identifier) was never resolvable in the bundle.
 */
final class ReferenceCleanup {

  private ReferenceCleanup() {}

  /** Cleans the view; returns the categories of resources removed. */
  static Set<String> clean(View view) {
    Set<String> removed = new TreeSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Resource resource : view.resources()) {
        if (mustGo(view, resource)) {
          String category = view.remove(view.keyOf(resource));
          if (category != null) {
            removed.add(category);
          }
          changed = true;
        } else {
          cutOptional(view, resource);
        }
      }
    }
    return removed;
  }

  private static boolean mustGo(View view, Resource resource) {
    if (dangling(view, View.subjectOf(resource))) {
      return true;
    }
    if (resource instanceof Provenance provenance) {
      provenance.getTarget().removeIf(target -> dangling(view, target));
      return provenance.getTarget().isEmpty();
    }
    return false;
  }

  private static void cutOptional(View view, Resource resource) {
    if (resource instanceof MessageHeader header) {
      header.getFocus().removeIf(focus -> dangling(view, focus));
    } else if (resource instanceof ServiceRequest request) {
      request.getSupportingInfo().removeIf(info -> dangling(view, info));
    } else if (resource instanceof Task task) {
      if (dangling(view, task.getFocus())) {
        task.setFocus(null);
      }
    }
    if (resource instanceof DomainResource domain) {
      domain.getExtension().removeIf(extension -> danglingExtension(view, extension));
    }
  }

  private static boolean danglingExtension(View view, Extension extension) {
    if (extension.getValue() instanceof Reference reference) {
      return dangling(view, reference);
    }
    List<Extension> parts = extension.getExtension();
    return parts.stream().anyMatch(part -> part.getValue() instanceof Reference ref && dangling(view, ref));
  }

  private static boolean dangling(View view, Reference reference) {
    String key = view.facts().keyOf(reference);
    return key != null && !view.contains(key);
  }
}
