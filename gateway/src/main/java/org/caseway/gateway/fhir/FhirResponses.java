package org.caseway.gateway.fhir;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.caseway.gateway.error.Refusal;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.http.ResponseEntity;

/** Writes FHIR resources as HTTP responses, from MVC handlers and from servlet filters alike. */
public class FhirResponses {

  private final FhirJson json;

  public FhirResponses(FhirJson json) {
    this.json = json;
  }

  public ResponseEntity<String> ok(IBaseResource resource) {
    return ResponseEntity.ok().contentType(FhirJson.FHIR_JSON).body(json.encode(resource));
  }

  public ResponseEntity<String> refuse(Refusal refusal) {
    return ResponseEntity.status(refusal.httpStatus())
        .contentType(FhirJson.FHIR_JSON)
        .body(json.encode(refusal.outcome()));
  }

  /** For filters (security), which run before MVC and write the servlet response themselves. */
  public void write(Refusal refusal, HttpServletResponse response) throws IOException {
    response.setStatus(refusal.httpStatus());
    response.setContentType(FhirJson.FHIR_JSON.toString());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(json.encode(refusal.outcome()));
  }
}
