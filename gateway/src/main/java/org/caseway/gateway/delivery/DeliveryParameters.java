package org.caseway.gateway.delivery;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseway.gateway.ledger.MarkerDisclosures;
import org.caseway.gateway.policy.Disclosure;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/**
 * Facts an outbound mapping needs that the view itself cannot carry, asked for by the recipient's
 * out channel in the partners file.
 *
 * <p>{@code first-marker-parameter} (for housing: {@code risk-to-staff}), with
 * {@code first-markers} (the marker codes, {@code VI,WE}) and {@code first-marker-identifier} (the
 * identifier system the parameter lists, housing's tenancy reference): the parameter lists the
 * identifier values of the people for whom this disclosure is the first to this recipient to carry
 * any of those markers, according to the record ({@link MarkerDisclosures}). Thread-safe.
 */
public class DeliveryParameters {

  private final MarkerDisclosures markers;

  public DeliveryParameters(MarkerDisclosures markers) {
    this.markers = markers;
  }

  public Map<String, String> of(Disclosure disclosure, DeliveryTarget target) {
    String parameter = target.channel().get("first-marker-parameter");
    if (parameter == null || parameter.isBlank()) {
      return Map.of();
    }
    String system = target.required("first-marker-identifier");
    List<String> codes = Arrays.stream(target.required("first-markers").split(",")).map(String::strip).toList();
    return Map.of(parameter.strip(), String.join(",", firsts(disclosure.view(), target.recipientId(), system, codes)));
  }

  private Set<String> firsts(Bundle view, String recipientId, String system, List<String> codes) {
    String disclosureId = view.getIdElement().getIdPart();
    Set<String> firsts = new LinkedHashSet<>();
    for (Bundle.BundleEntryComponent entry : view.getEntry()) {
      if (entry.getResource() instanceof Patient patient) {
        for (Identifier id : patient.getIdentifier()) {
          if (system.equals(id.getSystem()) && codes.stream().anyMatch(code ->
              markers.firstCarriedBy(recipientId, system, id.getValue(), code).filter(disclosureId::equals).isPresent())) {
            firsts.add(id.getValue());
          }
        }
      }
    }
    return firsts;
  }
}
