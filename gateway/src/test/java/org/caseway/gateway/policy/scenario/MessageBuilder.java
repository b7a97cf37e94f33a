package org.caseway.gateway.policy.scenario;

import java.util.UUID;
import org.caseway.conformance.ImplementationGuide;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Canonical messages for scenarios: a copy of one of the guide's examples, varied in small named
 * steps (a consent, a marker, a role, a label ...). People are named by the value of one of their
 * identifiers (e.g. the police nominal {@code N0048213}).
 */
public final class MessageBuilder {

  static final String BASE = ImplementationGuide.CANONICAL_BASE;

  private final Bundle bundle;

  private MessageBuilder(Bundle bundle) {
    this.bundle = bundle;
  }

  /** The guide's example for an event, e.g. {@code incident-reported}. */
  public static MessageBuilder example(String event) {
    return new MessageBuilder((Bundle) ImplementationGuide.load().example("Bundle-example-" + event).copy());
  }

  public Bundle build() {
    return bundle.copy();
  }

  public static String json(Resource resource) {
    return ImplementationGuide.load().fhirContext().newJsonParser().encodeResourceToString(resource);
  }

  /** The entry key (fullUrl) of the person with this identifier value. */
  public static String personKey(Bundle bundle, String identifierValue) {
    for (BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.getResource() instanceof Patient p
          && p.getIdentifier().stream().anyMatch(i -> identifierValue.equals(i.getValue()))) {
        return entry.getFullUrl();
      }
    }
    throw new IllegalArgumentException("No person with identifier " + identifierValue);
  }

  /** A new message: fresh Bundle.id and MessageHeader.id, as a partner's next message would have. */
  public MessageBuilder fresh() {
    bundle.setId(UUID.randomUUID().toString());
    String headerId = UUID.randomUUID().toString();
    header().setId(headerId);
    bundle.getEntryFirstRep().setFullUrl("urn:uuid:" + headerId);
    return this;
  }

  /** Another person: every identifier whose value is {@code value} gets {@code replacement}. */
  public MessageBuilder renumber(String value, String replacement) {
    for (BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.getResource() instanceof Patient patient) {
        patient.getIdentifier().stream().filter(i -> value.equals(i.getValue())).forEach(i -> i.setValue(replacement));
      }
    }
    return this;
  }

  public MessageBuilder id(String id) {
    bundle.setId(id);
    return this;
  }

  public MessageBuilder event(String event) {
    header().getEventCoding().setCode(event);
    return this;
  }

  /** Another partner as the message's source. */
  public MessageBuilder from(String partnerId) {
    header().getSource().setEndpoint("urn:caseway:partner:" + partnerId);
    return this;
  }

  /** The bundle's security labels: a classification and a v3 confidentiality code. */
  public MessageBuilder label(String classification, String confidentiality) {
    bundle.getMeta().getSecurity().clear();
    bundle.getMeta().addSecurity(new Coding(BASE + "/CodeSystem/caseway-classification", classification, null));
    bundle.getMeta().addSecurity(
        new Coding("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", confidentiality, null));
    return this;
  }

  /** Records the person's consent (replacing any) with provision permit or deny. */
  public MessageBuilder consent(String person, ConsentProvisionType provision) {
    withoutConsent(person);
    String key = personKey(bundle, person);
    Consent consent = new Consent();
    consent.setId(UUID.nameUUIDFromBytes(("consent|" + key).getBytes()).toString());
    consent.getMeta().addProfile(BASE + "/StructureDefinition/caseway-consent");
    consent.setStatus(Consent.ConsentState.ACTIVE);
    consent.getScope().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/consentscope").setCode("patient-privacy");
    consent.addCategory().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode").setCode("IDSCL");
    consent.setPatient(new Reference(key));
    consent.addOrganization(header().getSender().copy());
    consent.setDateTimeElement(new org.hl7.fhir.r4.model.DateTimeType("2026-11-03T08:40:00+00:00"));
    consent.getPolicyRule().addCoding().setSystem(BASE + "/CodeSystem/caseway-consent-policy")
        .setCode("referral-to-health-and-support");
    consent.getProvision().setType(provision);
    bundle.addEntry().setFullUrl("urn:uuid:" + consent.getIdElement().getIdPart()).setResource(consent);
    return this;
  }

  public MessageBuilder withoutConsent(String person) {
    String key = personKey(bundle, person);
    bundle.getEntry().removeIf(e -> e.getResource() instanceof Consent c && key.equals(c.getPatient().getReference()));
    return this;
  }

  /** Adds an active flag: {@code kind} is risk, health or safeguarding. */
  public MessageBuilder marker(String person, String kind, String code) {
    String key = personKey(bundle, person);
    Flag flag = new Flag();
    flag.setId(UUID.nameUUIDFromBytes(("flag|" + key + "|" + code).getBytes()).toString());
    flag.getMeta().addProfile(BASE + "/StructureDefinition/caseway-" + kind + "-flag");
    flag.setStatus(Flag.FlagStatus.ACTIVE);
    flag.getCode().addCoding().setSystem(BASE + "/CodeSystem/caseway-marker").setCode(code);
    flag.setSubject(new Reference(key));
    bundle.addEntry().setFullUrl("urn:uuid:" + flag.getIdElement().getIdPart()).setResource(flag);
    return this;
  }

  public MessageBuilder withoutFlags(String person) {
    String key = personKey(bundle, person);
    bundle.getEntry().removeIf(e -> e.getResource() instanceof Flag f && key.equals(f.getSubject().getReference())
        && !isFocus(e));
    return this;
  }

  /** The case's risk level. */
  public MessageBuilder riskLevel(String level) {
    for (BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.getResource() instanceof Basic basic) {
        Extension ext = basic.getExtensionByUrl(BASE + "/StructureDefinition/caseway-risk-level");
        ((Coding) ext.getValue()).setCode(level);
      }
    }
    return this;
  }

  /** Gives a person a home address (contact). */
  public MessageBuilder address(String person, String line, String postcode) {
    String key = personKey(bundle, person);
    bundle.getEntry().stream().filter(e -> e.getFullUrl().equals(key)).findFirst().ifPresent(e ->
        ((Patient) e.getResource()).addAddress().addLine(line).setPostalCode(postcode));
    return this;
  }

  /** Changes a person's participant role in the incident or case. */
  public MessageBuilder role(String person, String role) {
    String key = personKey(bundle, person);
    for (BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.getResource() instanceof Basic basic) {
        for (Extension participant : basic.getExtensionsByUrl(BASE + "/StructureDefinition/caseway-participant")) {
          if (key.equals(((Reference) participant.getExtensionByUrl("person").getValue()).getReference())) {
            ((Coding) participant.getExtensionByUrl("role").getValue()).setCode(role);
          }
        }
      }
    }
    return this;
  }

  private boolean isFocus(BundleEntryComponent entry) {
    return header().getFocus().stream().anyMatch(f -> entry.getFullUrl().equals(f.getReference()));
  }

  private MessageHeader header() {
    return (MessageHeader) bundle.getEntryFirstRep().getResource();
  }
}
