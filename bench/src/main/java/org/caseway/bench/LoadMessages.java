package org.caseway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.mappings.Mapper;
import org.caseway.mappings.MappingInput;
import org.caseway.mappings.MappingOutput;
import org.caseway.mappings.Mappings;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;

/**
 * The load's incidents, made by text substitution in one encoded message (and in the police
 * export's first incident) so that making them costs the generator next to nothing: each has a new
 * message id and incident reference, and one of {@code people} suspects, each known to the identity
 * index as a tenant and an IOM cohort member (so the council, housing and probation each get it).
 */
final class LoadMessages {

  private static final String BUNDLE_ID = "b0000000-0000-4000-8000-00000000b001";
  private static final String HEADER_ID = "b0000000-0000-4000-8000-00000000b002";
  private static final String INCIDENT_REF = "NP-9999-999999";
  private static final String SUSPECT_NOMINAL = "N0048213";
  private static final String SUSPECT_PNC = "2013/0456789K";
  private static final String CSV = "caseway-mappings/police-rms-csv/fixtures/sample/ASB_EXPORT_20261103091500.csv";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final LocalDateTime FIRST_EXPORT = LocalDateTime.parse("2026-11-10T00:00:00");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One message as sent: its id (Bundle.id) and JSON. */
  record Message(String id, String json) {}

  /** One police export: its file name, bytes, and the ids of the messages the gateway makes of it. */
  record Export(String fileName, byte[] content, List<String> messageIds) {}

  private final String template;
  private final String csvHeader;
  private final String csvIncident;
  private final Mapper police = Mappings.onClasspath().mapper("police-rms-csv");
  private final int people;

  LoadMessages(int people) {
    this.people = people;
    Bundle incident = Northshire.incident();
    incident.setId(BUNDLE_ID);
    incident.getEntryFirstRep().setFullUrl("urn:uuid:" + HEADER_ID);
    ((MessageHeader) incident.getEntryFirstRep().getResource()).setId(HEADER_ID);
    incident.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Basic.class::isInstance).map(Basic.class::cast)
        .forEach(record -> record.getIdentifierFirstRep().setValue(INCIDENT_REF));
    template = ImplementationGuide.load().fhirContext().newJsonParser().encodeResourceToString(incident);
    String csv = resource(CSV);
    int headerEnd = csv.indexOf('\n') + 1;
    csvHeader = csv.substring(0, headerEnd);
    csvIncident = csv.substring(headerEnd, csv.indexOf("NP-2026-004519"));
  }

  /** The {@code seq}th message for {@code $process-message}. */
  Message message(long seq) {
    String id = UUID.randomUUID().toString();
    int person = (int) (seq % people);
    String json = template.replace(BUNDLE_ID, id).replace(HEADER_ID, UUID.randomUUID().toString())
        .replace(INCIDENT_REF, String.format("NP-2027-%06d", seq)).replace(SUSPECT_NOMINAL, nominal(person))
        .replace(SUSPECT_PNC, pnc(person));
    return new Message(id, json);
  }

  /** The {@code index}th police export, of {@code incidents} incidents starting at {@code firstSeq}. */
  Export export(int index, long firstSeq, int incidents) {
    String fileName = "ASB_EXPORT_" + FIRST_EXPORT.plusSeconds(index).format(STAMP) + ".csv";
    StringBuilder csv = new StringBuilder(csvHeader);
    for (long seq = firstSeq; seq < firstSeq + incidents; seq++) {
      int person = (int) (seq % people);
      csv.append(csvIncident.replace("NP-2026-004512", String.format("NP-2028-%06d", seq))
          .replace(SUSPECT_NOMINAL, nominal(person)).replace(SUSPECT_PNC, pnc(person)));
    }
    byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
    List<String> ids = police.map(new MappingInput(fileName, content, Map.of())).outputs().stream()
        .map(LoadMessages::bundleId).toList();
    if (ids.size() != incidents) {
      throw new IllegalStateException(fileName + " maps to " + ids.size() + " messages, not " + incidents);
    }
    return new Export(fileName, content, ids);
  }

  /** The template as a whole, for the raw parse+encode yardstick. */
  String sample() {
    return message(0).json();
  }

  static String pnc(int person) {
    return String.format("2021/%07dL", person);
  }

  static String crn(int person) {
    return String.format("L%06d", person);
  }

  static String tenancy(int person) {
    return String.format("T8%05d", person);
  }

  private static String nominal(int person) {
    return String.format("N7%06d", person);
  }

  private static String bundleId(MappingOutput output) {
    try {
      return JSON.readTree(output.content()).get("id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = LoadMessages.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
