package org.caseway.conformance.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.ValidationIssue.Severity;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MessageDefinition;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Checks a message against the MessageDefinition of its event, which profiles cannot express:
 * what the focus must be, and which other resources the message may hold. Messages whose
 * structure is already wrong (no header, unknown event, entries without a Caseway profile) are
 * left to the profiles, which report that better.
 */
final class MessageDefinitionCheck {

  private static final String ENTRY_EXTENSION =
      ImplementationGuide.CANONICAL_BASE + "/StructureDefinition/caseway-message-entry";
  private static final String PROFILE_BASE = ImplementationGuide.CANONICAL_BASE + "/StructureDefinition/";
  private static final String HEADER = PROFILE_BASE + "caseway-message-header";
  private static final String OUTCOME = PROFILE_BASE + "caseway-outcome";
  private static final String ORGANIZATION = PROFILE_BASE + "caseway-organization";

  private final Map<String, MessageDefinition> byEvent = new HashMap<>();

  MessageDefinitionCheck(ImplementationGuide guide) {
    for (Resource resource : guide.conformanceResources()) {
      if (resource instanceof MessageDefinition definition) {
        byEvent.put(definition.getEventCoding().getCode(), definition);
      }
    }
  }

  List<ValidationIssue> check(Bundle bundle) {
    if (bundle.getType() != Bundle.BundleType.MESSAGE
        || bundle.getEntry().isEmpty()
        || !(bundle.getEntryFirstRep().getResource() instanceof MessageHeader header)) {
      return List.of();
    }
    MessageDefinition definition = byEvent.get(header.getEventCoding().getCode());
    if (definition == null) {
      return List.of();
    }
    String event = header.getEventCoding().getCode();
    boolean response = header.hasResponse();
    Set<String> focusProfiles = response ? Set.of(OUTCOME) : focusProfiles(definition);
    Set<String> allowed = new LinkedHashSet<>(focusProfiles);
    allowed.add(HEADER);
    if (response) {
      allowed.add(ORGANIZATION);
    } else {
      allowed.addAll(entryProfiles(definition));
    }
    List<ValidationIssue> issues = new ArrayList<>();
    checkEntries(bundle, event, response, allowed, issues);
    checkFocus(bundle, header, event, response, focusProfiles, issues);
    return issues;
  }

  private static void checkEntries(
      Bundle bundle, String event, boolean response, Set<String> allowed, List<ValidationIssue> issues) {
    for (int i = 1; i < bundle.getEntry().size(); i++) {
      Optional<String> profile = casewayProfile(bundle.getEntry().get(i).getResource());
      if (profile.isPresent() && !allowed.contains(profile.get())) {
        issues.add(new ValidationIssue(Severity.ERROR, "Bundle.entry[" + i + "].resource",
            "A " + (response ? "response to a " : "") + "'" + event + "' message may not hold a "
                + shortName(profile.get()) + "; it may hold " + shortNames(allowed)
                + " (see MessageDefinition caseway-" + event + ")"));
      }
    }
  }

  private static void checkFocus(Bundle bundle, MessageHeader header, String event, boolean response,
      Set<String> focusProfiles, List<ValidationIssue> issues) {
    for (int i = 0; i < header.getFocus().size(); i++) {
      Reference focus = header.getFocus().get(i);
      Optional<BundleEntryComponent> target = bundle.getEntry().stream()
          .filter(entry -> focus.getReference() != null && focus.getReference().equals(entry.getFullUrl()))
          .findFirst();
      String location = "Bundle.entry[0].resource.focus[" + i + "]";
      if (target.isEmpty()) {
        issues.add(new ValidationIssue(Severity.ERROR, location,
            "The focus must point to an entry of this message by its fullUrl (e.g. urn:uuid:...), but '"
                + focus.getReference() + "' is no entry's fullUrl"));
        continue;
      }
      Optional<String> profile = casewayProfile(target.get().getResource());
      if (profile.isPresent() && !focusProfiles.contains(profile.get())) {
        issues.add(new ValidationIssue(Severity.ERROR, location,
            "The focus of a " + (response ? "response to a " : "") + "'" + event + "' message must be a "
                + shortNames(focusProfiles) + ", but it points to a " + shortName(profile.get())));
      }
    }
  }

  private static Set<String> focusProfiles(MessageDefinition definition) {
    Set<String> profiles = new LinkedHashSet<>();
    definition.getFocus().forEach(focus -> profiles.add(focus.getProfile()));
    return profiles;
  }

  private static Set<String> entryProfiles(MessageDefinition definition) {
    Set<String> profiles = new LinkedHashSet<>();
    for (Extension entry : definition.getExtensionsByUrl(ENTRY_EXTENSION)) {
      Extension profile = entry.getExtensionByUrl("profile");
      profiles.add(((CanonicalType) profile.getValue()).getValue());
    }
    return profiles;
  }

  private static Optional<String> casewayProfile(Resource resource) {
    if (resource == null) {
      return Optional.empty();
    }
    return resource.getMeta().getProfile().stream()
        .map(CanonicalType::getValue)
        .map(url -> url.contains("|") ? url.substring(0, url.indexOf('|')) : url)
        .filter(url -> url.startsWith(PROFILE_BASE))
        .findFirst();
  }

  private static String shortName(String profileUrl) {
    return profileUrl.substring(PROFILE_BASE.length());
  }

  private static String shortNames(Set<String> profileUrls) {
    return String.join(", ", profileUrls.stream().map(MessageDefinitionCheck::shortName).toList());
  }
}
