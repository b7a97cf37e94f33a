package org.caseway.conformance.kit.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.util.UUID;
import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Gives a message new ids: a new Bundle.id and a new MessageHeader.id, replaced wherever the old
 * ones occur in the text (the header's {@code urn:uuid:} fullUrl, references to it). The rest of
 * the text is left exactly as it was, so what is sent is what the suite author wrote.
 */
final class MessageIds {

  private MessageIds() {}

  /**
   * @return the text with new ids; unchanged when it is not a message bundle with ids (a fixture
   *     meant to be wrong stays wrong)
   */
  static String fresh(String text, FhirContext fhir, Supplier<UUID> ids) {
    Bundle bundle;
    try {
      IBaseResource parsed = fhir.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false)).parseResource(text);
      if (!(parsed instanceof Bundle b)) {
        return text;
      }
      bundle = b;
    } catch (RuntimeException notFhir) {
      return text;
    }
    String result = text;
    String bundleId = bundle.getIdElement().getIdPart();
    if (bundleId != null && !bundleId.isBlank()) {
      result = result.replace("\"" + bundleId + "\"", "\"" + ids.get() + "\"");
    }
    if (!bundle.getEntry().isEmpty() && bundle.getEntryFirstRep().getResource() != null) {
      String headerId = bundle.getEntryFirstRep().getResource().getIdElement().getIdPart();
      if (headerId != null && !headerId.isBlank()) {
        result = result.replace(headerId, ids.get().toString());
      }
    }
    return result;
  }
}
