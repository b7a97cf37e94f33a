package org.caseway.conformance.validation.fastpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.caseway.conformance.validation.fastpath.CompiledProfiles.Structure;
import org.caseway.conformance.validation.fastpath.ElementRule.Slice;
import org.caseway.conformance.validation.fastpath.ElementRule.TypeRule;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Resource;

/**
 * One walk of a message against the compiled profiles: the JSON tree (for element names exactly
 * as received) and HAPI's parse of it (for the invariants) side by side. The first element that
 * fails a rule, or that no rule covers, ends the walk with the reason; the caller then runs the
 * full validator. One instance per message; not thread-safe.
 */
final class InstanceWalk {

  private static final String ANY_RESOURCE = CompiledProfiles.CORE + "Resource";
  private static final java.util.regex.Pattern RELATIVE_REFERENCE =
      java.util.regex.Pattern.compile("([A-Z][A-Za-z]+)/[A-Za-z0-9\\-.]{1,64}");

  private static final java.util.regex.Pattern EXTENSION_URL =
      java.util.regex.Pattern.compile(".*[Ee]xtension(:[^.]+)?\\.url");

  private final CompiledProfiles profiles;
  private final Resource root;
  private final Map<String, Resource> entries = new HashMap<>();
  private String reason;

  private InstanceWalk(CompiledProfiles profiles, Resource root) {
    this.profiles = profiles;
    this.root = root;
  }

  /** Null if the resource conforms by every rule and every element was covered; else why not. */
  static String check(CompiledProfiles profiles, JsonNode json, Resource parsed) {
    InstanceWalk walk = new InstanceWalk(profiles, parsed);
    if (parsed instanceof Bundle && !walk.indexEntries(json)) {
      return walk.reason;
    }
    return walk.resource(json, parsed, null, parsed.fhirType()) ? null : walk.reason;
  }

  private boolean indexEntries(JsonNode bundle) {
    JsonNode entryArray = bundle.get("entry");
    List<Bundle.BundleEntryComponent> parsed = ((Bundle) root).getEntry();
    if (entryArray == null || !entryArray.isArray() || entryArray.size() != parsed.size()) {
      return fail("Bundle.entry", "no entries, or not as parsed");
    }
    for (int i = 0; i < entryArray.size(); i++) {
      JsonNode fullUrl = entryArray.get(i).get("fullUrl");
      Resource resource = parsed.get(i).getResource();
      if (fullUrl == null || !fullUrl.isTextual() || resource == null) {
        return fail("Bundle.entry[" + i + "]", "no fullUrl or no resource");
      }
      String url = fullUrl.textValue();
      if (!url.startsWith("urn:uuid:") || !url.substring("urn:uuid:".length()).equals(resource.getIdPart())) {
        return fail("Bundle.entry[" + i + "]", "fullUrl is not urn:uuid:<the resource's id>");
      }
      if (entries.put(url, resource) != null) {
        return fail("Bundle.entry[" + i + "]", "fullUrl used twice");
      }
    }
    return allReachableFromTheHeader(entryArray);
  }

  /**
   * Every entry linked to the first (the MessageHeader) through references, either way: the
   * validator warns of an entry that is not.
   */
  private boolean allReachableFromTheHeader(JsonNode entryArray) {
    int size = entryArray.size();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < size; i++) {
      index.put(entryArray.get(i).get("fullUrl").textValue(), i);
    }
    List<List<Integer>> links = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      links.add(new ArrayList<>());
    }
    for (int i = 0; i < size; i++) {
      for (JsonNode reference : entryArray.get(i).get("resource").findValues("reference")) {
        Integer target = reference.isTextual() ? index.get(reference.textValue()) : null;
        if (target != null) {
          links.get(i).add(target);
          links.get(target).add(i);
        }
      }
    }
    boolean[] reached = new boolean[size];
    java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(0));
    reached[0] = true;
    while (!queue.isEmpty()) {
      for (int next : links.get(queue.pop())) {
        if (!reached[next]) {
          reached[next] = true;
          queue.add(next);
        }
      }
    }
    for (int i = 0; i < size; i++) {
      if (!reached[i]) {
        return fail("Bundle.entry[" + i + "]", "not reachable from the MessageHeader by references");
      }
    }
    return true;
  }

  private boolean resource(JsonNode json, Base parsed, TypeRule slot, String location) {
    if (!json.isObject() || !(parsed instanceof Resource resource)) {
      return fail(location, "not a resource");
    }
    JsonNode type = json.get("resourceType");
    JsonNode declared = json.path("meta").path("profile");
    if (type == null || !type.isTextual() || !type.textValue().equals(resource.fhirType())) {
      return fail(location, "resourceType missing or not as parsed");
    }
    if (!declared.isArray() || declared.size() != 1 || !declared.get(0).isTextual()) {
      return fail(location, "not exactly one profile in meta.profile");
    }
    Structure profile = profiles.structure(declared.get(0).textValue());
    if (profile == null || !profile.type().equals(resource.fhirType()) || declared.get(0).textValue().contains("|")) {
      return fail(location, "meta.profile is not a Caseway profile of a " + resource.fhirType());
    }
    if (slot != null && !slot.profiles().isEmpty() && !slot.profiles().contains(profile.url())) {
      return fail(location, "profile " + profile.url() + " where " + slot.profiles() + " is expected");
    }
    if (slot != null && !slot.code().equals("Resource") && !slot.code().equals(resource.fhirType())) {
      return fail(location, "a " + resource.fhirType() + " where a " + slot.code() + " is expected");
    }
    return invariants(profile.root(), resource, resource, json, location)
        && children(profile.root(), json, resource, resource, location, true);
  }

  /** One instance element against its rule, as the given type. */
  private boolean element(ElementRule rule, TypeRule type, JsonNode json, Base parsed, Resource resource,
      String location) {
    if (rule.notCovered != null) {
      return fail(location, rule.notCovered);
    }
    if (!fixedAndPattern(rule, json, location)) {
      return false;
    }
    String code = type.code();
    if (code.equals("Resource") || profiles.isResourceType(code)) {
      return invariants(rule, resource, parsed, json, location) && resource(json, parsed, type, location);
    }
    if (profiles.isPrimitiveType(code)) {
      return primitive(rule, code, json, parsed, resource, location);
    }
    if (!json.isObject() || json.isEmpty()) {
      return fail(location, "a " + code + " must be a JSON object with content");
    }
    if (!invariants(rule, resource, parsed, json, location)) {
      return false;
    }
    ElementRule children = rule;
    if (!rule.hasChildren()) {
      Structure structure = typeStructure(type, location);
      if (structure == null) {
        return false;
      }
      if (!fixedAndPattern(structure.root(), json, location) || !invariants(structure.root(), resource, parsed, json, location)) {
        return false;
      }
      children = structure.root();
    } else if (!coreTypeInvariants(code, resource, parsed, json, location)) {
      return false;
    }
    return terminology(rule.binding, code, json, location)
        && reference(code, type, json, location)
        && children(children, json, parsed, resource, location, false);
  }

  private Structure typeStructure(TypeRule type, String location) {
    if (type.profiles().size() > 1) {
      fail(location, "more than one profile for the type");
      return null;
    }
    String url = type.profiles().isEmpty() ? CompiledProfiles.CORE + type.code() : type.profiles().get(0);
    Structure structure = profiles.structure(url);
    if (structure == null) {
      fail(location, "no compiled structure " + url);
    }
    return structure;
  }

  /** The invariants on the type itself (e.g. Reference's ref-1), when the profile lists its children. */
  private boolean coreTypeInvariants(String code, Resource resource, Base parsed, JsonNode json, String location) {
    if (code.equals("BackboneElement") || code.equals("Element")) {
      return true;
    }
    Structure core = profiles.structure(CompiledProfiles.CORE + code);
    return core == null ? fail(location, "no compiled core type " + code) : invariants(core.root(), resource, parsed, json, location);
  }

  private boolean primitive(ElementRule rule, String code, JsonNode json, Base parsed, Resource resource,
      String location) {
    PrimitiveRules primitives = profiles.primitives();
    if (!primitives.covers(code)) {
      return fail(location, "primitive type " + code + " not covered");
    }
    if (!primitives.isValid(code, json, rule.fixed != null || isRelativeAllowed(rule, json)) || !(parsed instanceof PrimitiveType<?> primitive) || !primitive.hasValue()) {
      return fail(location, "not a valid " + code);
    }
    if (rule.maxLength != null && json.asText().length() > rule.maxLength) {
      return fail(location, "longer than " + rule.maxLength);
    }
    if (code.equals("canonical") && !profiles.isGuideCanonical(json.textValue())) {
      return fail(location, "canonical URL not of the guide");
    }
    if (rule.binding != null && code.equals("code") && !rule.binding.hasCode(json.textValue())) {
      return fail(location, "code not in the bound value set (or it cannot be expanded)");
    }
    for (Invariant invariant : rule.invariants) {
      // ele-1 (a value or children) holds for every primitive that has a value, as this one has.
      if (!invariant.key().equals("ele-1") && !invariant.holds(profiles.engine(), resource, root, parsed, json)) {
        return fail(location, "constraint " + invariant.key() + (invariant.notCovered() == null ? " fails" : ": " + invariant.notCovered()));
      }
    }
    return true;
  }

  private boolean children(ElementRule owner, JsonNode json, Base parsed, Resource resource, String location,
      boolean resourceRoot) {
    Map<ElementRule, Integer> counts = new IdentityHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      if (resourceRoot && name.equals("resourceType")) {
        continue;
      }
      String childLocation = location + "." + name;
      ElementRule child = owner.children.get(name);
      TypeRule type = child == null || child.choice ? null : single(child);
      if (child == null || child.choice) {
        child = null;
        for (ElementRule candidate : owner.children.values()) {
          if (candidate.choice && name.startsWith(candidate.name)) {
            type = choiceType(candidate, name.substring(candidate.name.length()));
            if (type != null) {
              child = candidate;
              break;
            }
          }
        }
      }
      if (child == null || type == null) {
        return fail(childLocation, "unknown element, or a primitive's extension (not covered)");
      }
      List<JsonNode> items = items(child, field.getValue());
      Property property = parsed.getNamedProperty(child.name);
      if (items == null || property == null || property.getValues().size() != items.size()) {
        return fail(childLocation, "empty, null, wrongly repeated, or not as parsed");
      }
      int count = counts.merge(child, items.size(), Integer::sum);
      if (count > child.max) {
        return fail(childLocation, "more than " + child.max);
      }
      if (!each(child, type, items, property.getValues(), resource, childLocation)) {
        return false;
      }
    }
    for (ElementRule child : owner.children.values()) {
      if (child.min > counts.getOrDefault(child, 0)) {
        return fail(location + "." + child.name, "fewer than " + child.min);
      }
      if (!counts.containsKey(child) && child.slices.stream().anyMatch(slice -> slice.rule().min > 0)) {
        return fail(location + "." + child.name, "absent, but a slice of it is required");
      }
    }
    return true;
  }

  private boolean each(ElementRule rule, TypeRule type, List<JsonNode> items, List<Base> values, Resource resource,
      String location) {
    boolean extension = rule.name.equals("extension") || rule.name.equals("modifierExtension");
    if ((rule.sliceBy != null || extension) && !slices(rule, items, values, resource, location, extension)) {
      return false;
    }
    if (extension) {
      return true; // each was checked against its extension's own definition, which is stricter than Extension
    }
    for (int i = 0; i < items.size(); i++) {
      if (!element(rule, type, items.get(i), values.get(i), resource, indexed(rule, location, i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Each item in its slice, checked against the slice as well as the sliced element. An extension
   * that is no declared slice falls back: whether it is allowed needs its definition.
   */
  private boolean slices(ElementRule rule, List<JsonNode> items, List<Base> values, Resource resource,
      String location, boolean extension) {
    Map<ElementRule, Integer> counts = new IdentityHashMap<>();
    int lastSlice = -1;
    boolean unmatchedSeen = false;
    for (int i = 0; i < items.size(); i++) {
      String value = discriminator(rule, items.get(i));
      int index = sliceIndex(rule, value);
      String itemLocation = indexed(rule, location, i);
      if (index < 0) {
        if (extension || rule.closedSlicing || rule.sliceBy == null) {
          return fail(itemLocation, "in no declared slice");
        }
        unmatchedSeen = true;
        continue;
      }
      if (rule.orderedSlicing && (index < lastSlice || unmatchedSeen)) {
        return fail(itemLocation, "slices out of order");
      }
      lastSlice = index;
      ElementRule slice = rule.slices.get(index).rule();
      if (counts.merge(slice, 1, Integer::sum) > slice.max) {
        return fail(itemLocation, "more than " + slice.max + " in slice " + slice.id);
      }
      if (!element(slice, single(slice), items.get(i), values.get(i), resource, itemLocation)) {
        return false;
      }
    }
    for (Slice slice : rule.slices) {
      if (slice.rule().min > counts.getOrDefault(slice.rule(), 0)) {
        return fail(location, "fewer than " + slice.rule().min + " in slice " + slice.rule().id);
      }
    }
    return true;
  }

  private static String discriminator(ElementRule rule, JsonNode item) {
    JsonNode value = rule.sliceBy == null ? item.get("url") : switch (rule.sliceBy) {
      case URL -> item.get("url");
      case SYSTEM -> item.get("system");
      case RESOURCE_TYPE -> item.path("resource").get("resourceType");
    };
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  private static int sliceIndex(ElementRule rule, String value) {
    for (int i = 0; value != null && i < rule.slices.size(); i++) {
      if (rule.slices.get(i).value().equals(value)) {
        return i;
      }
    }
    return -1;
  }

  private boolean terminology(ElementRule.Binding binding, String code, JsonNode json, String location) {
    if (code.equals("Coding")) {
      return coding(json, location) && (binding == null || inValueSet(binding, json, location));
    }
    if (code.equals("CodeableConcept") && binding != null) {
      JsonNode codings = json.get("coding");
      if (codings == null || !codings.isArray() || codings.isEmpty()) {
        return fail(location, "a bound CodeableConcept without a coding");
      }
      for (JsonNode coding : codings) {
        if (!inValueSet(binding, coding, location)) {
          return false;
        }
      }
    }
    return true;
  }

  /** A code of a complete code system known offline, with its display if one is given. */
  private boolean coding(JsonNode coding, String location) {
    JsonNode system = coding.get("system");
    JsonNode code = coding.get("code");
    if (system == null || code == null || !system.isTextual() || !code.isTextual() || coding.has("version")) {
      return fail(location, "a coding without system and code, or with a version");
    }
    Map<String, String> codes = profiles.codeSystem(system.textValue());
    if (codes == null || !codes.containsKey(code.textValue())) {
      return fail(location, "code system not known offline, or code not in it");
    }
    JsonNode display = coding.get("display");
    if (display != null && !(display.isTextual() && display.textValue().equals(codes.get(code.textValue())))) {
      return fail(location, "display is not the code system's");
    }
    return true;
  }

  private boolean inValueSet(ElementRule.Binding binding, JsonNode coding, String location) {
    String key = coding.path("system").asText() + "|" + coding.path("code").asText();
    if (binding.codes() == null || !binding.codes().contains(key)) {
      return fail(location, "code " + key + " not in the bound value set (or it cannot be expanded)");
    }
    return true;
  }

  /** A reference to another entry of the same message, of a type and profile the element allows. */
  private boolean reference(String code, TypeRule type, JsonNode json, String location) {
    if (!code.equals("Reference") || !json.has("reference")) {
      return true;
    }
    String reference = json.get("reference").asText();
    if (!(root instanceof Bundle)) {
      return relativeReference(reference, type, location);
    }
    Resource target = entries.get(reference);
    if (target == null) {
      return fail(location, "reference to no entry of this message");
    }
    if (type.targetProfiles().isEmpty() || type.targetProfiles().contains(ANY_RESOURCE)) {
      return true;
    }
    for (String targetProfile : type.targetProfiles()) {
      if (targetProfile.equals(CompiledProfiles.CORE + target.fhirType())
          || target.getMeta().getProfile().stream().anyMatch(p -> targetProfile.equals(p.getValue()))) {
        return true;
      }
    }
    return fail(location, "reference to a " + target.fhirType() + " that is none of " + type.targetProfiles());
  }

  /**
   * Outside a message nothing can be resolved (the validator has no resource fetcher): a plain
   * {@code Type/id} reference whose type the element allows.
   */
  private boolean relativeReference(String reference, TypeRule type, String location) {
    var match = RELATIVE_REFERENCE.matcher(reference);
    if (!match.matches()) {
      return fail(location, "not a Type/id reference");
    }
    if (type.targetProfiles().isEmpty() || type.targetProfiles().contains(ANY_RESOURCE)) {
      return true;
    }
    for (String targetProfile : type.targetProfiles()) {
      Structure target = profiles.structure(targetProfile);
      if (target != null && target.type().equals(match.group(1))
          || targetProfile.equals(CompiledProfiles.CORE + match.group(1))) {
        return true;
      }
    }
    return fail(location, "reference to a " + match.group(1) + ", none of " + type.targetProfiles());
  }

  private boolean fixedAndPattern(ElementRule rule, JsonNode json, String location) {
    if (rule.fixed != null && !rule.fixed.equals(json)) {
      return fail(location, "not the fixed value");
    }
    if (rule.pattern != null && !JsonPatterns.matches(rule.pattern, json)) {
      return fail(location, "does not match the pattern");
    }
    return true;
  }

  private boolean invariants(ElementRule rule, Resource resource, Base element, JsonNode json, String location) {
    for (Invariant invariant : rule.invariants) {
      if (!invariant.holds(profiles.engine(), resource, root, element, json)) {
        return fail(location, "constraint " + invariant.key()
            + (invariant.notCovered() == null ? " fails" : ": " + invariant.notCovered()));
      }
    }
    return true;
  }

  /** The JSON values of an element, or null if the JSON form is wrong (array-ness, empty, null). */
  private static List<JsonNode> items(ElementRule rule, JsonNode value) {
    if (!rule.array) {
      return value.isArray() || value.isNull() ? null : List.of(value);
    }
    if (!value.isArray() || value.isEmpty()) {
      return null;
    }
    List<JsonNode> items = new ArrayList<>(value.size());
    for (JsonNode item : value) {
      // The validator refuses some repetitions (a security label twice); none is ever needed.
      if (item.isNull() || items.contains(item)) {
        return null;
      }
      items.add(item);
    }
    return items;
  }

  /**
   * Where a URI may be relative: an extension's url (a complex extension's parts have relative
   * ones; whether the url is right is the slicing's check: an extension in no declared slice falls
   * back) and a reference's type (a resource type's name).
   */
  private boolean isRelativeAllowed(ElementRule rule, JsonNode json) {
    if (rule.id.endsWith(".type") && profiles.isResourceType(json.asText())) {
      return true; // a reference's type: the target's resource type, by its name
    }
    return rule.name.equals("url") && EXTENSION_URL.matcher(rule.id).matches();
  }

  private static TypeRule single(ElementRule rule) {
    return rule.types.size() == 1 ? rule.types.get(0) : null;
  }

  private static TypeRule choiceType(ElementRule rule, String suffix) {
    for (TypeRule type : rule.types) {
      String code = type.code();
      if (!code.isEmpty() && suffix.equals(Character.toUpperCase(code.charAt(0)) + code.substring(1))) {
        return type;
      }
    }
    return null;
  }

  private static String indexed(ElementRule rule, String location, int i) {
    return rule.array ? location + "[" + i + "]" : location;
  }

  private boolean fail(String location, String why) {
    reason = location + ": " + why;
    return false;
  }
}
