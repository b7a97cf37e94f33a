package org.caseway.gateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.http.MediaType;

/** FHIR JSON for HTTP: the media types the gateway speaks and the encoder it writes with. */
public class FhirJson {

  /** What the gateway answers with, always. */
  public static final MediaType FHIR_JSON =
      new MediaType("application", "fhir+json", java.nio.charset.StandardCharsets.UTF_8);

  public static final String FHIR_JSON_VALUE = "application/fhir+json";

  private final FhirContext context;

  public FhirJson(FhirContext context) {
    this.context = context;
  }

  /** Compact JSON. Thread-safe: HAPI parsers are not, so each call gets its own. */
  public String encode(IBaseResource resource) {
    return context.newJsonParser().encodeResourceToString(resource);
  }
}
