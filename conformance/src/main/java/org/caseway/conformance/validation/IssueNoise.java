package org.caseway.conformance.validation;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;

/**
 * The validator messages that tell a partner nothing they could act on: HAPI's trace of how it
 * matched slices and reference targets, and remarks about the terminology server that Caseway
 * deliberately does not use, and the remark that a resource is not reachable forwards from the
 * MessageHeader (in Caseway messages markers and consents point to their subject, so that is
 * normal; which entries an event allows is checked against its MessageDefinition instead). Only
 * informational messages are ever dropped.
 */
final class IssueNoise {

  /** Message ids (HAPI's i18n keys) of informational trace output. */
  private static final List<String> NOISE_IDS =
      List.of("Details_for__matching_against_Profile_", "This_element_does_not_match_any_known_slice_");

  /** Fragments of informational messages about terminology services or unchecked codes. */
  private static final List<String> NOISE_FRAGMENTS =
      List.of(
          "terminology server",
          "does not match any known slice",
          "tx.fhir.org",
          "Unable to validate code without using server",
          "isn't reachable by traversing forwards from the MessageHeader");

  private IssueNoise() {}

  static boolean isNoise(SingleValidationMessage message) {
    if (message.getSeverity() != ResultSeverityEnum.INFORMATION) {
      return false;
    }
    String id = message.getMessageId() == null ? "" : message.getMessageId();
    String text = message.getMessage() == null ? "" : message.getMessage();
    return NOISE_IDS.stream().anyMatch(id::startsWith)
        || NOISE_FRAGMENTS.stream().anyMatch(text::contains);
  }
}
