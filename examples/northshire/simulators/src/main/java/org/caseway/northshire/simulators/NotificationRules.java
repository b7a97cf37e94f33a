package org.caseway.northshire.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the council's API takes as a partner notification (council-asb-api.md), checked field by
 * field. Every field of the document's example is required except {@code subject.firstName},
 * {@code subject.dateOfBirth} and {@code subject.partyId} ("sent only when the person is already
 * known"); a null counts as absent. A field the document does not name is refused: the council's
 * system has nowhere to keep it, so it is data that should not have been sent.
 *
 * <p>Problems name the field and the rule, never the value (it may be personal data). Stateless
 * and thread-safe.
 */
final class NotificationRules {

  static final List<String> KINDS = List.of("INCIDENT", "RISK_FLAG", "CASE_UPDATE", "REFERRAL");
  static final List<String> RISK_MARKERS = List.of("VIOLENT", "WEAPONS", "DRUGS");

  private static final Set<String> FIELDS = Set.of("notificationId", "fromAgency", "kind",
      "receivedAt", "subject", "summary", "riskMarkers", "sourceReference");
  private static final Set<String> SUBJECT_FIELDS = Set.of("firstName", "lastName", "dateOfBirth", "partyId");
  private static final Pattern UUID = Pattern.compile(
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  /** The problems with {@code body}, in field order; empty if the council takes it. */
  List<String> problems(JsonNode body) {
    if (body == null || !body.isObject()) {
      return List.of("body: must be a JSON object");
    }
    List<String> problems = new ArrayList<>();
    unknownFields(body, FIELDS, "", problems);
    requireUuid(body, "notificationId", problems);
    requireText(body, "fromAgency", "", problems);
    requireOneOf(body, "kind", KINDS, problems);
    requireInstant(body, "receivedAt", problems);
    checkSubject(body.get("subject"), problems);
    requireText(body, "summary", "", problems);
    checkRiskMarkers(body.get("riskMarkers"), problems);
    requireText(body, "sourceReference", "", problems);
    return problems;
  }

  private static void checkSubject(JsonNode subject, List<String> problems) {
    if (absent(subject)) {
      problems.add("subject: is required");
      return;
    }
    if (!subject.isObject()) {
      problems.add("subject: must be an object");
      return;
    }
    unknownFields(subject, SUBJECT_FIELDS, "subject.", problems);
    optionalText(subject, "firstName", problems);
    requireText(subject, "lastName", "subject.", problems);
    optionalDate(subject, "dateOfBirth", problems);
    JsonNode partyId = subject.get("partyId");
    if (!absent(partyId) && !partyId.isIntegralNumber()) {
      problems.add("subject.partyId: must be an integer");
    }
  }

  private static void checkRiskMarkers(JsonNode markers, List<String> problems) {
    if (absent(markers)) {
      problems.add("riskMarkers: is required (an empty array when there are none)");
    } else if (!markers.isArray()) {
      problems.add("riskMarkers: must be an array");
    } else {
      for (int i = 0; i < markers.size(); i++) {
        JsonNode marker = markers.get(i);
        if (!marker.isTextual() || !RISK_MARKERS.contains(marker.asText())) {
          problems.add("riskMarkers[" + i + "]: must be one of " + String.join(", ", RISK_MARKERS));
        }
      }
    }
  }

  private static void unknownFields(JsonNode object, Set<String> known, String prefix, List<String> problems) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        problems.add(prefix + name + ": is not a field of a partner notification");
      }
    }
  }

  private static void requireUuid(JsonNode object, String field, List<String> problems) {
    if (requireText(object, field, "", problems) && !UUID.matcher(object.get(field).asText()).matches()) {
      problems.add(field + ": must be a UUID");
    }
  }

  private static void requireOneOf(JsonNode object, String field, List<String> values, List<String> problems) {
    if (requireText(object, field, "", problems) && !values.contains(object.get(field).asText())) {
      problems.add(field + ": must be one of " + String.join(", ", values));
    }
  }

  private static void requireInstant(JsonNode object, String field, List<String> problems) {
    if (requireText(object, field, "", problems) && !isUtcInstant(object.get(field).asText())) {
      problems.add(field + ": must be an ISO-8601 instant in UTC, e.g. 2026-11-03T09:15:00Z");
    }
  }

  private static boolean isUtcInstant(String text) {
    try {
      // Instant.parse also takes an offset such as +01:00; the council wants UTC, marked Z.
      Instant.parse(text);
      return text.endsWith("Z");
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static void optionalDate(JsonNode object, String field, List<String> problems) {
    JsonNode value = object.get(field);
    if (!absent(value) && !isDate(value)) {
      problems.add("subject." + field + ": must be a date, yyyy-MM-dd");
    }
  }

  private static boolean isDate(JsonNode value) {
    if (!value.isTextual() || !value.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
      return false;
    }
    try {
      LocalDate.parse(value.asText());
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static void optionalText(JsonNode object, String field, List<String> problems) {
    JsonNode value = object.get(field);
    if (!absent(value) && !value.isTextual()) {
      problems.add("subject." + field + ": must be a string");
    }
  }

  /** Adds a problem unless {@code field} is a non-blank string; true if it is one. */
  private static boolean requireText(JsonNode object, String field, String prefix, List<String> problems) {
    JsonNode value = object.get(field);
    if (absent(value)) {
      problems.add(prefix + field + ": is required");
      return false;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      problems.add(prefix + field + ": must be a non-empty string");
      return false;
    }
    return true;
  }

  private static boolean absent(JsonNode value) {
    return value == null || value.isNull();
  }
}
