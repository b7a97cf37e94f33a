package org.caseway.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Bundle;

/** Test access to the guide's examples as raw text and as fresh, modifiable copies. */
public final class Examples {

  public static final String RISK_FLAG_RAISED = "Bundle-example-risk-flag-raised";

  private Examples() {}

  /** The example file's text exactly as it is in the guide. */
  public static String text(String name) {
    String path = "caseway-ig/examples/" + name + ".json";
    try (InputStream in = Examples.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("No example file " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of an example bundle that a test may change. */
  public static Bundle bundle(String name) {
    return (Bundle) ImplementationGuide.load().example(name).copy();
  }

  /** The bundle as JSON, encoded with the guide's context. */
  public static String json(Bundle bundle) {
    return ImplementationGuide.load().fhirContext().newJsonParser().encodeResourceToString(bundle);
  }
}
