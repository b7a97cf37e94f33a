package org.caseway.gateway.admin;

import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.GatewayException;
import org.caseway.gateway.partner.ConformanceRecords;
import org.springframework.http.ResponseEntity;
import java.util.Collection;
import java.util.List;
import org.caseway.gateway.partner.Partner;
import org.caseway.gateway.partner.PartnerStatus;
import org.caseway.gateway.partner.PartnerStatusChange;
import org.caseway.gateway.partner.RecordedPartnerDirectory;
import org.caseway.gateway.partner.StatusAction;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data sharing manager's view of the partners: list, inspect (status and history), and change
 * status. A change takes effect on the next message on every channel, in and out.
 */
@RestController
@RequestMapping("/admin/partners")
public class PartnersAdminController {

  private final RecordedPartnerDirectory partners;
  private final ConformanceRecords conformance;

  public PartnersAdminController(RecordedPartnerDirectory partners, ConformanceRecords conformance) {
    this.partners = partners;
    this.conformance = conformance;
  }

  /** A partner as the admin API shows it. */
  public record PartnerView(String id, String name, PartnerStatus status) {
    static PartnerView of(Partner p) {
      return new PartnerView(p.id(), p.name(), p.status());
    }
  }

  /** One partner with every recorded change of its status, oldest first. */
  public record PartnerDetail(
      String id, String name, PartnerStatus status, List<PartnerStatusChange> history) {}

  @GetMapping
  public Collection<PartnerView> list() {
    return partners.all().stream().map(PartnerView::of).toList();
  }

  @GetMapping("/{id}")
  public PartnerDetail get(@PathVariable String id) {
    List<PartnerStatusChange> history = partners.history(id);
    Partner partner = partners.find(id).orElseThrow();
    return new PartnerDetail(partner.id(), partner.name(), partner.status(), history);
  }

  /**
   * Switches an onboarding partner on. It must have passed the core level of a conformance suite,
   * recorded with {@code POST /admin/partners/{id}/conformance}.
   */
  @PostMapping("/{id}/$activate")
  public PartnerStatusChange activate(
      @PathVariable String id, @RequestBody(required = false) ReasonBody body, Authentication caller) {
    if (partners.find(id).isPresent() && !conformance.passedCore(id)) {
      throw new GatewayException(ErrorCode.STATUS_CHANGE_NOT_ALLOWED, "Partner '" + id + "' has not passed the"
          + " core level of a conformance suite: run caseway-conformance.jar test against its system, then POST the"
          + " passing testreport.json to /admin/partners/" + id + "/conformance.");
    }
    return change(id, StatusAction.ACTIVATE, body, caller);
  }

  /** Records a conformance kit TestReport the partner passed (the kit's {@code testreport.json}). */
  @PostMapping(path = "/{id}/conformance", consumes = {"application/fhir+json", "application/json"})
  public ResponseEntity<ConformanceRecords.Passed> recordConformance(
      @PathVariable String id, @RequestBody String testReport, Authentication caller) {
    partners.find(id).orElseThrow(() -> new GatewayException(ErrorCode.NOT_FOUND,
        "No partner '" + id + "' in the partners file; GET /admin/partners lists them."));
    return ResponseEntity.status(201).body(conformance.record(id, testReport, AdminCaller.describe(caller)));
  }

  @GetMapping("/{id}/conformance")
  public List<ConformanceRecords.Passed> conformance(@PathVariable String id) {
    return conformance.of(id);
  }

  @PostMapping("/{id}/$suspend")
  public PartnerStatusChange suspend(
      @PathVariable String id, @RequestBody(required = false) ReasonBody body, Authentication caller) {
    return change(id, StatusAction.SUSPEND, body, caller);
  }

  @PostMapping("/{id}/$reinstate")
  public PartnerStatusChange reinstate(
      @PathVariable String id, @RequestBody(required = false) ReasonBody body, Authentication caller) {
    return change(id, StatusAction.REINSTATE, body, caller);
  }

  @PostMapping("/{id}/$withdraw")
  public PartnerStatusChange withdraw(
      @PathVariable String id, @RequestBody(required = false) ReasonBody body, Authentication caller) {
    return change(id, StatusAction.WITHDRAW, body, caller);
  }

  private PartnerStatusChange change(
      String id, StatusAction action, ReasonBody body, Authentication caller) {
    return partners.change(
        id, action, AdminCaller.describe(caller), body == null ? null : body.reason());
  }
}
