package org.caseway.gateway.delivery;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;

/** Writes a disclosure's view as FHIR JSON, the canonical wire form. Thread-safe. */
public final class ViewSerializer {

  private final FhirContext fhir;

  public ViewSerializer(FhirContext fhir) {
    this.fhir = fhir;
  }

  public String json(Bundle view) {
    return fhir.newJsonParser().encodeResourceToString(view);
  }
}
