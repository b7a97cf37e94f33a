package org.caseway.conformance;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The routing facts of a canonical message bundle, and the contract for where they live in it.
 *
 * <ul>
 *   <li>{@code messageId}: {@code Bundle.id}, the id used to take a repeated message once;
 *   <li>{@code sourcePartnerId}: the partner id in {@code MessageHeader.source.endpoint}, which the
 *       header profile fixes to {@code urn:caseway:partner:{partner-id}};
 *   <li>{@code eventCode}: {@code MessageHeader.eventCoding.code} (Caseway event code system);
 *   <li>{@code subjectKey}: the key that partitions the journal per person: {@code system|value}
 *       of the first identifier of the first Patient in the bundle (the Patient that {@code
 *       MessageHeader.focus} points to, if any), or {@code message|{messageId}} when no Patient
 *       with an identifier is in the message.
 * </ul>
 *
 * <p>All four are non-null. Reading them does not validate the bundle: validate first (see
 * {@code CasewayValidator}) where the facts must be trusted.
 */
public record MessageEnvelope(
    String messageId, String sourcePartnerId, String eventCode, String subjectKey) {

  /** The form the header profile requires of {@code MessageHeader.source.endpoint}. */
  public static final Pattern SOURCE_ENDPOINT = Pattern.compile("^urn:caseway:partner:([a-z0-9-]+)$");

  public MessageEnvelope {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(sourcePartnerId, "sourcePartnerId");
    Objects.requireNonNull(eventCode, "eventCode");
    Objects.requireNonNull(subjectKey, "subjectKey");
  }

  /**
   * Reads the routing facts of a message bundle.
   *
   * @throws IllegalArgumentException when the bundle is not a Caseway message (wrong type, no id,
   *     no MessageHeader first, no event code, a source endpoint not of the form {@code
   *     urn:caseway:partner:{partner-id}}), with a message that says what to fix
   * @throws NullPointerException if {@code bundle} is null
   */
  public static MessageEnvelope of(Bundle bundle) {
    Objects.requireNonNull(bundle, "bundle");
    if (bundle.getType() != Bundle.BundleType.MESSAGE) {
      throw notAMessage("Bundle.type must be 'message' but is '" + typeOf(bundle) + "'");
    }
    String messageId = bundle.getIdElement().getIdPart();
    if (messageId == null || messageId.isBlank()) {
      throw notAMessage("Bundle.id is missing: it is the message id, used to take a repeated message once");
    }
    MessageHeader header = header(bundle);
    return new MessageEnvelope(
        messageId, sourcePartnerId(header), eventCode(header), subjectKey(bundle, header, messageId));
  }

  private static MessageHeader header(Bundle bundle) {
    List<BundleEntryComponent> entries = bundle.getEntry();
    if (entries.isEmpty() || !(entries.get(0).getResource() instanceof MessageHeader header)) {
      throw notAMessage("Bundle.entry[0].resource must be a MessageHeader");
    }
    return header;
  }

  private static String sourcePartnerId(MessageHeader header) {
    String endpoint = header.getSource().getEndpoint();
    Matcher matcher = SOURCE_ENDPOINT.matcher(endpoint == null ? "" : endpoint);
    if (!matcher.matches()) {
      throw notAMessage(
          "MessageHeader.source.endpoint must be 'urn:caseway:partner:{partner-id}' (lower-case letters, "
              + "digits, hyphens; e.g. urn:caseway:partner:northshire-police) but is '" + endpoint + "'");
    }
    return matcher.group(1);
  }

  private static String eventCode(MessageHeader header) {
    if (!header.hasEventCoding() || !header.getEventCoding().hasCode()) {
      throw notAMessage(
          "MessageHeader.eventCoding.code is missing: give the event code from "
              + ImplementationGuide.CANONICAL_BASE + "/CodeSystem/caseway-event");
    }
    return header.getEventCoding().getCode();
  }

  private static String subjectKey(Bundle bundle, MessageHeader header, String messageId) {
    return focusPatient(bundle, header)
        .or(() -> bundle.getEntry().stream()
            .map(BundleEntryComponent::getResource)
            .filter(Patient.class::isInstance)
            .map(Patient.class::cast)
            .filter(Patient::hasIdentifier)
            .findFirst())
        .map(patient -> keyOf(patient.getIdentifierFirstRep()))
        .orElse("message|" + messageId);
  }

  private static Optional<Patient> focusPatient(Bundle bundle, MessageHeader header) {
    for (Reference focus : header.getFocus()) {
      String ref = focus.getReference();
      for (BundleEntryComponent entry : bundle.getEntry()) {
        if (entry.getResource() instanceof Patient patient
            && patient.hasIdentifier()
            && ref != null
            && (ref.equals(entry.getFullUrl()) || ref.equals(localReference(patient)))) {
          return Optional.of(patient);
        }
      }
    }
    return Optional.empty();
  }

  private static String localReference(Resource resource) {
    return resource.getResourceType().name() + "/" + resource.getIdElement().getIdPart();
  }

  private static String keyOf(Identifier identifier) {
    return identifier.getSystem() + "|" + identifier.getValue();
  }

  private static String typeOf(Bundle bundle) {
    return bundle.getType() == null ? "" : bundle.getType().toCode();
  }

  private static IllegalArgumentException notAMessage(String detail) {
    return new IllegalArgumentException("Not a Caseway message: " + detail + ".");
  }
}
