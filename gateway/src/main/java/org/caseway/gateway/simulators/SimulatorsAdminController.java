package org.caseway.gateway.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseway.northshire.simulators.KafkaTopicRecorder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What each simulated partner system has received, for the newcomer watching the embedded default
 * (role {@code data-sharing-manager}, as every {@code /admin} call): {@code GET /admin/simulators}
 * counts, {@code GET /admin/simulators/{partner}} lists, in the partner's own format.
 */
@RestController
@RequestMapping("/admin/simulators")
@ConditionalOnProperty(name = "caseway.simulators.enabled", havingValue = "true")
public class SimulatorsAdminController {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final NorthshireSimulators simulators;

  public SimulatorsAdminController(NorthshireSimulators simulators) {
    this.simulators = simulators;
  }

  @GetMapping
  public Map<String, Object> summary() {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("northshire-police", Map.of("channel", "kafka " + NorthshireSimulators.POLICE_TOPIC,
        "received", simulators.policeHub().received().size()));
    summary.put("northshire-council", Map.of("channel", simulators.council().baseUrl() + "/api/v2/partner-notifications",
        "received", simulators.council().notifications().size(), "requests", simulators.council().notificationPosts()));
    summary.put("northshire-housing", Map.of("channel", simulators.housing().baseUrl() + "/TenancyAlertService",
        "received", simulators.housing().alerts().size(), "requests", simulators.housing().calls()));
    summary.put("northshire-probation", Map.of("channel", "kafka caseway.outbound.northshire-probation",
        "received", simulators.probation().outbound().received().size(),
        "acknowledgements", simulators.probation().acks().received().size()));
    summary.put("northshire-mh-trust", Map.of("channel", simulators.trust().fhirBase() + "/$process-message",
        "received", simulators.trust().received().size(), "requests", simulators.trust().posts()));
    return summary;
  }

  @GetMapping("/{partner}")
  public ResponseEntity<Object> received(@PathVariable String partner) {
    return switch (partner) {
      case "northshire-police" -> ResponseEntity.ok(records(simulators.policeHub()));
      case "northshire-council" -> ResponseEntity.ok(simulators.council().notifications());
      case "northshire-housing" -> ResponseEntity.ok(simulators.housing().alerts().stream().map(a -> {
        Map<String, String> alert = new LinkedHashMap<>();
        alert.put("alertId", a.alertId());
        alert.put("tenancyRef", a.tenancyRef());
        alert.put("alertType", a.alertType());
        alert.put("severity", a.severity());
        alert.put("raisedBy", a.raisedBy());
        alert.put("summary", a.summary());
        alert.put("envelope", a.envelope());
        return alert;
      }).toList());
      case "northshire-probation" -> ResponseEntity.ok(Map.of("outbound", records(simulators.probation().outbound()),
          "acknowledgements", records(simulators.probation().acks())));
      case "northshire-mh-trust" -> ResponseEntity.ok(simulators.trust().received().stream().map(SimulatorsAdminController::json).toList());
      default -> ResponseEntity.notFound().build();
    };
  }

  private static List<Map<String, Object>> records(KafkaTopicRecorder recorder) {
    return recorder.received().stream().map(r -> {
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("key", r.key());
      record.put("headers", r.headers());
      record.put("partition", r.partition());
      record.put("offset", r.offset());
      record.put("value", json(r.value()));
      return record;
    }).toList();
  }

  private static Object json(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      return node == null ? text : node;
    } catch (IOException notJson) {
      return text;
    }
  }
}
