package org.caseway.adapters.intake;

import java.util.Objects;

/**
 * The answer to one message from a message-driven partner.
 *
 * @param answeredId the id of the message answered (its {@code Bundle.id}, or a stand-in when it
 *     had none); the acknowledgement's record key
 * @param responseId the acknowledgement's own id (its {@code Bundle.id})
 * @param code {@code ok}, {@code transient-error} or {@code fatal-error}
 * @param responseJson the FHIR response message, as JSON
 */
public record Acknowledgement(String answeredId, String responseId, String code, String responseJson) {

  public Acknowledgement {
    Objects.requireNonNull(answeredId, "answeredId");
    Objects.requireNonNull(responseId, "responseId");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(responseJson, "responseJson");
  }
}
