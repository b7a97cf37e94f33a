package org.caseway.gateway.policy.engine;

import java.util.Set;
import java.util.TreeSet;
import org.caseway.gateway.agreement.Condition;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Resource;

/**
 * The conditions that shape what is shared rather than whether: {@code only-markers} (flags of a
 * category only with some codes) and {@code location-detail} (an incident's location down to its
 * postcode). Stateless.
 */
final class ValueFilters {

  private ValueFilters() {}

  /** Applies one shaping condition; returns a description of what it removed, empty if nothing. */
  static String apply(Condition condition, View view) {
    return switch (condition.type()) {
      case ONLY_MARKERS -> onlyMarkers(condition, view);
      case LOCATION_DETAIL -> postcodeOnly(view);
      default -> throw new IllegalArgumentException(condition.type() + " does not shape values");
    };
  }

  private static String onlyMarkers(Condition condition, View view) {
    Set<String> removed = new TreeSet<>();
    for (Resource resource : view.resources()) {
      if (resource instanceof Flag flag && condition.appliesTo().contains(view.categoryOf(flag))
          && flag.getCode().getCoding().stream().noneMatch(c -> condition.values().contains(c.getCode()))) {
        flag.getCode().getCoding().forEach(c -> removed.add(c.getCode()));
        view.remove(view.keyOf(flag));
      }
    }
    return removed.isEmpty() ? "" : "flags " + removed + " (only " + condition.values() + " may be shared)";
  }

  /** Keeps only the postcode of each location: no street, description, grid reference or position. */
  private static String postcodeOnly(View view) {
    boolean cut = false;
    for (Resource resource : view.resources()) {
      if (resource instanceof Location location) {
        String postcode = location.getAddress().getPostalCode();
        cut |= location.hasExtension() || location.hasPosition() || location.hasName() || location.hasDescription()
            || location.getAddress().hasText() || location.getAddress().hasLine() || location.hasAlias();
        if (postcode == null || postcode.isBlank()) {
          view.remove(view.keyOf(location));
          cut = true;
          continue;
        }
        location.getExtension().clear();
        location.setPosition(null);
        location.setName(null);
        location.setDescription(null);
        location.getAlias().clear();
        location.setAddress(new Address().setPostalCode(postcode));
      }
    }
    return cut ? "location detail beyond the postcode" : "";
  }
}
