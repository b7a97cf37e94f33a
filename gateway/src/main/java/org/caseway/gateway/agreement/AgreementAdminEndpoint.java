package org.caseway.gateway.agreement;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/agreements/$reload}: reads the agreement documents again. Answers 200 with the
 * versions now in force, or 422 with every problem (file, YAML path, line, problem, fix), in which
 * case the previous set stays in force. Needs the data sharing manager role (security config).
 */
@RestController
@RequestMapping("/admin/agreements")
public class AgreementAdminEndpoint {

  private final AgreementRegistry registry;

  public AgreementAdminEndpoint(AgreementRegistry registry) {
    this.registry = registry;
  }

  @PostMapping(value = "/$reload", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> reload() {
    AgreementLoader.Result result = registry.reload();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("loaded", result.succeeded());
    body.put("inForce", registry.current().agreements().stream().map(AgreementAdminEndpoint::summary).toList());
    body.put("problems", result.problems());
    return ResponseEntity.status(result.succeeded() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(body);
  }

  private static Map<String, Object> summary(Agreement agreement) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("id", agreement.id());
    summary.put("version", agreement.version());
    summary.put("status", agreement.status().name().toLowerCase());
    summary.put("validFrom", agreement.validFrom().toString());
    summary.put("validTo", agreement.validTo().toString());
    summary.put("file", agreement.file());
    summary.put("sha256", agreement.sha256());
    summary.put("rules", agreement.rules().stream().map(AgreementRule::name).toList());
    return summary;
  }
}
