package org.caseway.gateway.admin;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.GatewayException;
import org.caseway.gateway.identity.AgencyIdentifier;
import org.caseway.gateway.ledger.ChainedEntry;
import org.caseway.gateway.ledger.DisclosureLedger;
import org.caseway.gateway.ledger.LedgerEntries;
import org.caseway.gateway.ledger.LedgerEntry;
import org.caseway.gateway.ledger.LedgerVerification;
import org.caseway.gateway.ledger.SubjectAccessReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The record of disclosures for the data sharing manager: verify it, answer subject access. */
@RestController
@RequestMapping("/admin/disclosures")
public class DisclosuresAdminController {

  private final DisclosureLedger ledger;

  public DisclosuresAdminController(DisclosureLedger ledger) {
    this.ledger = ledger;
  }

  /** One entry as the admin API shows it. */
  public record EntryView(
      long seq,
      LedgerEntry.Kind kind,
      String messageId,
      String disclosureId,
      String event,
      String from,
      String to,
      String agreementId,
      Integer agreementVersion,
      String purpose,
      String reasonCode,
      String reason,
      List<String> categories,
      List<String> elements,
      List<List<String>> subjects,
      Instant recordedAt,
      String entryHash) {

    static EntryView of(ChainedEntry c) {
      LedgerEntry e = c.entry();
      return new EntryView(
          c.seq(), e.kind(), e.messageId(), e.disclosureId(), e.event(), e.sourcePartner(),
          e.recipientPartner(), e.agreementId(), e.agreementVersion(), e.purpose(), e.reasonCode(),
          e.reason(), split(e.categories()), split(e.elements()),
          LedgerEntries.subjects(e.subjectsJson()), e.recordedAt(), c.entryHash());
    }

    private static List<String> split(String joined) {
      return joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }
  }

  /** A subject access answer: the identifiers searched and the entries found. */
  public record SubjectAccessView(Set<String> identifiers, List<EntryView> entries) {}

  @GetMapping("/$verify")
  public LedgerVerification verify() {
    return ledger.verify();
  }

  @GetMapping
  public SubjectAccessView about(@RequestParam(required = false) String identifier) {
    if (identifier == null || identifier.isBlank()) {
      throw new GatewayException(
          ErrorCode.ADMIN_REQUEST_INVALID,
          "Name the person: ?identifier=system|value, e.g."
              + " identifier=https://id.probation.gov.uk/crn|X123456");
    }
    AgencyIdentifier id;
    try {
      id = AgencyIdentifier.parse(identifier);
    } catch (IllegalArgumentException e) {
      throw new GatewayException(ErrorCode.ADMIN_REQUEST_INVALID, e.getMessage());
    }
    SubjectAccessReport report = ledger.about(id);
    return new SubjectAccessView(
        report.identifiers().stream().map(AgencyIdentifier::toString).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)),
        report.entries().stream().map(EntryView::of).toList());
  }
}
