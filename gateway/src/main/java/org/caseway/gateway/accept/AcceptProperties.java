package org.caseway.gateway.accept;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what the accept path takes in, on every channel. Each is checked before the message is
 * parsed into FHIR objects, so that no single message can exhaust memory, the stack or the
 * validator; each refusal names the limit and this setting.
 *
 * @param maxMessageSize the largest message body accepted. Default {@code 1MB}. Larger bodies are
 *     refused with 413 before parsing.
 * @param maxEntries the most entries a message bundle may hold. Default {@code 500} (the largest
 *     Northshire message, an incident with its people, flags and consents, has about 20).
 * @param maxDepth the deepest nesting of JSON objects and arrays accepted. Default {@code 32} (Caseway
 *     messages nest 9 deep); deeper documents are refused before a parser can recurse into them.
 * @param maxStringLength the longest JSON string accepted, in characters. Default {@code 100000}: a
 *     long narrative fits, a 1 MB base64 blob does not.
 */
@ConfigurationProperties("caseway.accept")
public record AcceptProperties(
    @DefaultValue("1MB") DataSize maxMessageSize,
    @DefaultValue("500") int maxEntries,
    @DefaultValue("32") int maxDepth,
    @DefaultValue("100000") int maxStringLength) {

  /** The limits with their defaults, for tests and tools. */
  public static AcceptProperties defaults() {
    return new AcceptProperties(DataSize.ofMegabytes(1), 500, 32, 100_000);
  }
}
