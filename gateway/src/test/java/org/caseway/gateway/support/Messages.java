package org.caseway.gateway.support;

import java.util.UUID;
import org.caseway.conformance.ImplementationGuide;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;

/**
 * Test messages built from the guide's example, each with a fresh message id so that tests sharing
 * a gateway (and its journal) never see each other's messages.
 */
public final class Messages {

  public static final String RISK_FLAG_RAISED = "Bundle-example-risk-flag-raised";
  /** The example's subject: its patient's NHS number, as the journal key. */
  public static final String RISK_FLAG_SUBJECT_KEY = "https://fhir.nhs.uk/Id/nhs-number|9434765919";

  private Messages() {}

  /** A copy of the risk-flag example that a test may change, with a new Bundle.id and header id. */
  public static Bundle riskFlagRaised() {
    Bundle bundle =
        (Bundle) ImplementationGuide.load().example(RISK_FLAG_RAISED).copy();
    bundle.setId(UUID.randomUUID().toString());
    String headerId = UUID.randomUUID().toString();
    bundle.getEntryFirstRep().setFullUrl("urn:uuid:" + headerId);
    header(bundle).setId(headerId);
    return bundle;
  }

  /** A copy of the named guide example that a test may change, with a new Bundle.id and header id. */
  public static Bundle example(String name) {
    Bundle bundle = (Bundle) ImplementationGuide.load().example(name).copy();
    bundle.setId(UUID.randomUUID().toString());
    String headerId = UUID.randomUUID().toString();
    bundle.getEntryFirstRep().setFullUrl("urn:uuid:" + headerId);
    header(bundle).setId(headerId);
    return bundle;
  }

  /** The id a response message names in {@code response.identifier}: the answered header's id. */
  public static String headerId(Bundle bundle) {
    return header(bundle).getIdElement().getIdPart();
  }

  public static MessageHeader header(Bundle bundle) {
    return (MessageHeader) bundle.getEntryFirstRep().getResource();
  }

  public static String json(Bundle bundle) {
    return ImplementationGuide.load().fhirContext().newJsonParser().encodeResourceToString(bundle);
  }
}
