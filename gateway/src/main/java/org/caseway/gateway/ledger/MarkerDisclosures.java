package org.caseway.gateway.ledger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which risk markers were disclosed about whom to whom first ({@code marker_disclosure}, V11): the
 * part of the record of disclosures that an outbound format needs when it treats a first disclosure
 * differently (housing's {@code RISK_TO_STAFF}, housing-soap.md).
 *
 * <p>Keyed by the identifiers the recipient's view carries for the person (for housing, its own
 * tenancy reference), so that "first" means first to that recipient about that person. Remembering
 * is idempotent: taking a message again names the same disclosure (its id is stable), so the answer
 * to {@link #firstCarriedBy} never changes. Thread-safe, also across gateway instances.
 */
public class MarkerDisclosures {

  private final JdbcClient jdbc;

  public MarkerDisclosures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Remembers, for each person and marker in {@code view} not seen before, that this disclosure was first. */
  public void rememberFirst(String recipientId, Bundle view, Instant at) {
    String disclosureId = view.getIdElement().getIdPart();
    OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
    for (Marked marked : markedPeople(view)) {
      // One statement, not a look then an insert: two dispatches about one person at once (two
      // consumers, two instances) must not both insert; the one that commits first was first.
      jdbc.sql("INSERT INTO marker_disclosure (recipient_partner, id_system, id_value, marker, disclosure_id,"
              + " recorded_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
          .params(recipientId, marked.system(), marked.value(), marked.marker(), disclosureId, when).update();
    }
  }

  /** The disclosure that first carried {@code marker} about the person with this identifier to the recipient. */
  public Optional<String> firstCarriedBy(String recipientId, String system, String value, String marker) {
    return jdbc.sql("SELECT disclosure_id FROM marker_disclosure WHERE recipient_partner = ? AND id_system = ?"
            + " AND id_value = ? AND marker = ?")
        .params(recipientId, system, value, marker).query(String.class).optional();
  }

  /** Every (identifier, marker) pair of the view: each Flag's codes, for each identifier of its Patient. */
  static List<Marked> markedPeople(Bundle view) {
    List<Marked> marked = new ArrayList<>();
    for (Bundle.BundleEntryComponent entry : view.getEntry()) {
      Resource resource = entry.getResource();
      if (resource instanceof Flag flag && flag.hasSubject()) {
        Patient patient = patient(view, flag.getSubject().getReference());
        if (patient != null) {
          for (Coding code : flag.getCode().getCoding()) {
            for (Identifier id : patient.getIdentifier()) {
              if (id.hasSystem() && id.hasValue() && code.hasCode()) {
                marked.add(new Marked(id.getSystem(), id.getValue(), code.getCode()));
              }
            }
          }
        }
      }
    }
    return marked;
  }

  private static Patient patient(Bundle view, String reference) {
    return view.getEntry().stream()
        .filter(e -> reference.equals(e.getFullUrl()) && e.getResource() instanceof Patient)
        .map(e -> (Patient) e.getResource())
        .findFirst().orElse(null);
  }

  record Marked(String system, String value, String marker) {}
}
