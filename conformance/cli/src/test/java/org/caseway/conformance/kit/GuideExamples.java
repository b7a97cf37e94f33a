package org.caseway.conformance.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.MessageEnvelope;
import org.hl7.fhir.r4.model.Bundle;

/** The guide's example files, as text, read from the classpath by the guide's own index. */
final class GuideExamples {

  private GuideExamples() {}

  /** The example message files' names, e.g. {@code Bundle-example-referral.json}. */
  static List<String> messages() {
    return text("caseway-ig/index.txt").lines()
        .filter(line -> line.startsWith("examples/Bundle-"))
        .map(line -> line.substring("examples/".length()))
        .toList();
  }

  /** One example file's text, e.g. {@code text("caseway-ig/examples/Bundle-example-referral.json")}. */
  static String text(String resource) {
    try (InputStream in = GuideExamples.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The partner id an example message is from (MessageHeader.source.endpoint). */
  static String sourcePartner(String message) {
    Bundle bundle = ImplementationGuide.load().fhirContext().newJsonParser().parseResource(Bundle.class, message);
    return MessageEnvelope.of(bundle).sourcePartnerId();
  }
}
