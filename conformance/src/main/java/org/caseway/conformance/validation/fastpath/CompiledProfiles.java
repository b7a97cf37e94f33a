package org.caseway.conformance.validation.fastpath;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.ProfileSnapshots;
import org.caseway.conformance.validation.fastpath.ElementRule.SliceBy;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.ElementDefinition.ElementDefinitionSlicingDiscriminatorComponent;
import org.hl7.fhir.r4.model.Enumerations.BindingStrength;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionKind;

/**
 * The guide's StructureDefinitions (profiles and extensions, as snapshots) and the FHIR core types
 * they use, compiled once into trees of {@link ElementRule}s, with their value sets expanded and
 * their invariants parsed by one shared {@link FHIRPathEngine}.
 *
 * <p>Everything is compiled in the constructor; afterwards nothing changes, so one instance is
 * safe to share between threads.
 */
final class CompiledProfiles {

  static final String CORE = "http://hl7.org/fhir/StructureDefinition/";
  private static final String BEST_PRACTICE = "http://hl7.org/fhir/StructureDefinition/elementdefinition-bestpractice";
  private static final String FHIR_TYPE = "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type";
  private static final String SYSTEM_TYPE = "http://hl7.org/fhirpath/System.";

  /** A compiled StructureDefinition: its type ({@code Patient}, {@code Extension}, ...) and root. */
  record Structure(String url, String type, ElementRule root) {}

  private final FhirContext context;
  private final DefaultProfileValidationSupport core;
  private final FHIRPathEngine engine;
  private final Terminology terminology;
  private final ObjectMapper mapper = new ObjectMapper();
  private final Map<String, Invariant> invariantsByExpression = new HashMap<>();
  private final Map<String, Structure> structures = new HashMap<>();
  private final Map<String, StructureDefinition.StructureDefinitionKind> coreKinds = new HashMap<>();
  private final Set<String> canonicals = new HashSet<>();
  private final PrimitiveRules primitives;

  CompiledProfiles(ImplementationGuide guide) {
    this.context = guide.fhirContext();
    this.core = new DefaultProfileValidationSupport(context);
    this.engine = new FHIRPathEngine(new HapiWorkerContext(context, core));
    this.terminology = new Terminology(guide.conformanceResources(), core);
    this.primitives = new PrimitiveRules(core);
    for (Object sd : core.fetchAllStructureDefinitions()) {
      StructureDefinition definition = (StructureDefinition) sd;
      if (definition.getUrl().equals(CORE + definition.getType())) {
        coreKinds.put(definition.getType(), definition.getKind());
      }
    }
    ProfileSnapshots snapshots = new ProfileSnapshots(guide);
    Deque<String> toCompile = new ArrayDeque<>();
    for (Resource resource : guide.conformanceResources()) {
      if (resource instanceof MetadataResource metadata && metadata.hasUrl()) {
        canonicals.add(metadata.getUrl());
      }
      if (resource instanceof StructureDefinition sd) {
        compile(snapshots.snapshot(sd.getUrl()), toCompile);
      }
    }
    while (!toCompile.isEmpty()) {
      String url = toCompile.pop();
      if (!structures.containsKey(url)) {
        StructureDefinition definition = (StructureDefinition) core.fetchStructureDefinition(url);
        if (definition == null) {
          throw new IllegalStateException("FHIR core has no StructureDefinition " + url);
        }
        compile(definition, toCompile);
      }
    }
    terminology.readAllGuideCodeSystems();
  }

  FHIRPathEngine engine() {
    return engine;
  }

  PrimitiveRules primitives() {
    return primitives;
  }

  /** The compiled structure of a guide profile or extension, or of a core type; null if none. */
  Structure structure(String url) {
    return structures.get(Terminology.withoutVersion(url));
  }

  /** Whether the type code names a FHIR resource type (or is {@code Resource} itself). */
  boolean isResourceType(String code) {
    return coreKinds.get(code) == StructureDefinitionKind.RESOURCE;
  }

  boolean isPrimitiveType(String code) {
    return coreKinds.get(code) == StructureDefinitionKind.PRIMITIVETYPE;
  }

  /** Whether the URL is the canonical URL of one of the guide's conformance resources. */
  boolean isGuideCanonical(String url) {
    return canonicals.contains(url);
  }

  /** Code → display of a complete code system known offline; null if unknown or incomplete. */
  Map<String, String> codeSystem(String system) {
    return terminology.codeSystem(system);
  }

  private void compile(StructureDefinition sd, Deque<String> toCompile) {
    Map<String, ElementRule> byId = new HashMap<>();
    Map<String, ElementDefinition> definitions = new HashMap<>();
    ElementRule root = null;
    for (ElementDefinition element : sd.getSnapshot().getElement()) {
      ElementRule rule = compileElement(element, toCompile);
      byId.put(element.getId(), rule);
      definitions.put(element.getId(), element);
      if (root == null) {
        root = rule;
        continue;
      }
      attach(byId, element, rule, sd.getUrl());
    }
    for (Map.Entry<String, ElementRule> entry : byId.entrySet()) {
      ElementDefinition element = definitions.get(entry.getKey());
      if (element.hasSlicing()) {
        slicing(entry.getValue(), element);
      }
    }
    structures.put(sd.getUrl(), new Structure(sd.getUrl(), sd.getType(), root));
  }

  private static void attach(Map<String, ElementRule> byId, ElementDefinition element, ElementRule rule, String url) {
    String id = element.getId();
    int dot = id.lastIndexOf('.');
    if (dot < 0 || id.contains("/")) {
      throw new IllegalStateException("Unexpected element id " + id + " in " + url);
    }
    ElementRule parent = byId.get(id.substring(0, dot));
    if (parent == null) {
      throw new IllegalStateException("No parent for element " + id + " in " + url);
    }
    String segment = id.substring(dot + 1);
    int colon = segment.indexOf(':');
    if (colon < 0) {
      parent.children.put(rule.name, rule);
      return;
    }
    ElementRule sliced = parent.children.get(rule.name);
    if (sliced == null) {
      throw new IllegalStateException("Slice " + id + " before its element in " + url);
    }
    sliced.slices.add(new ElementRule.Slice(null, rule));
  }

  /** Works out the discriminator value of each slice, once the slices' children are known. */
  private static void slicing(ElementRule sliced, ElementDefinition element) {
    List<ElementDefinitionSlicingDiscriminatorComponent> discriminators = element.getSlicing().getDiscriminator();
    sliced.closedSlicing = element.getSlicing().getRules() == ElementDefinition.SlicingRules.CLOSED;
    sliced.orderedSlicing = element.getSlicing().getOrdered();
    if (discriminators.size() != 1) {
      sliced.markNotCovered("slicing with " + discriminators.size() + " discriminators");
      return;
    }
    var discriminator = discriminators.get(0);
    String kind = discriminator.getType().toCode() + " " + discriminator.getPath();
    sliced.sliceBy = switch (kind) {
      case "value url" -> SliceBy.URL;
      case "value system" -> SliceBy.SYSTEM;
      case "type resource" -> SliceBy.RESOURCE_TYPE;
      default -> null;
    };
    if (sliced.sliceBy == null) {
      sliced.markNotCovered("slicing by " + kind);
      return;
    }
    List<ElementRule.Slice> valued = new ArrayList<>();
    for (ElementRule.Slice slice : sliced.slices) {
      String value = discriminatorValue(sliced.sliceBy, slice.rule());
      if (value == null) {
        sliced.markNotCovered("slice " + slice.rule().id + " has no discriminator value");
        return;
      }
      valued.add(new ElementRule.Slice(value, slice.rule()));
    }
    sliced.slices.clear();
    sliced.slices.addAll(valued);
  }

  private static String discriminatorValue(SliceBy by, ElementRule slice) {
    return switch (by) {
      case URL -> {
        if (slice.types.size() == 1 && slice.types.get(0).profiles().size() == 1) {
          yield slice.types.get(0).profiles().get(0);
        }
        yield fixedText(slice.children.get("url"));
      }
      case SYSTEM -> fixedText(slice.children.get("system"));
      case RESOURCE_TYPE -> {
        ElementRule resource = slice.children.get("resource");
        yield resource != null && resource.types.size() == 1 ? resource.types.get(0).code() : null;
      }
    };
  }

  private static String fixedText(ElementRule rule) {
    if (rule == null) {
      return null;
    }
    JsonNode value = rule.fixed != null ? rule.fixed : rule.pattern;
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  private ElementRule compileElement(ElementDefinition element, Deque<String> toCompile) {
    String path = element.getPath();
    String last = path.substring(path.lastIndexOf('.') + 1);
    boolean choice = last.endsWith("[x]");
    String name = choice ? last.substring(0, last.length() - 3) : last;
    int max = "*".equals(element.getMax()) ? Integer.MAX_VALUE : Integer.parseInt(element.getMax());
    String baseMax = element.hasBase() ? element.getBase().getMax() : element.getMax();
    List<ElementRule.TypeRule> types = new ArrayList<>();
    for (var type : element.getType()) {
      String code = typeCode(type);
      List<String> profiles = type.getProfile().stream().map(p -> Terminology.withoutVersion(p.getValue())).toList();
      List<String> targets = type.getTargetProfile().stream().map(p -> Terminology.withoutVersion(p.getValue())).toList();
      types.add(new ElementRule.TypeRule(code, profiles, targets));
      if (!isPrimitiveType(code) && !code.equals("Resource") && !code.equals("Element")
          && !code.equals("BackboneElement") && coreKinds.containsKey(code)) {
        toCompile.add(CORE + code);
      }
      profiles.stream().filter(p -> p.startsWith(CORE)).forEach(toCompile::add);
    }
    ElementRule rule = new ElementRule(element.getId(), name, choice, element.getMin(), max, !"1".equals(baseMax),
        types, json(element.hasFixed() ? element.getFixed() : null),
        json(element.hasPattern() ? element.getPattern() : null),
        binding(element), invariants(element), element.hasMaxLength() ? element.getMaxLength() : null);
    if (element.hasContentReference()) {
      rule.markNotCovered("element " + element.getId() + " refers to another's definition");
    } else if (element.hasMinValue() || element.hasMaxValue()) {
      rule.markNotCovered("element " + element.getId() + " has a minimum or maximum value");
    } else if ((element.hasFixed() && rule.fixed == null) || (element.hasPattern() && rule.pattern == null)) {
      rule.markNotCovered("element " + element.getId() + " has a fixed value or pattern not compiled");
    }
    return rule;
  }

  private static String typeCode(ElementDefinition.TypeRefComponent type) {
    String code = type.getCode();
    if (code != null && code.startsWith(SYSTEM_TYPE)) {
      var fhirType = type.getExtensionByUrl(FHIR_TYPE);
      return fhirType != null ? fhirType.getValue().primitiveValue() : "string";
    }
    return code;
  }

  private ElementRule.Binding binding(ElementDefinition element) {
    if (!element.hasBinding() || !element.getBinding().hasValueSet()) {
      return null;
    }
    BindingStrength strength = element.getBinding().getStrength();
    if (strength != BindingStrength.REQUIRED) {
      // Extensible, preferred and example bindings allow other codes: the validator reports nothing
      // for them here (setNoExtensibleWarnings); every coding is still checked against its system.
      return null;
    }
    return new ElementRule.Binding(true, terminology.expand(element.getBinding().getValueSet()));
  }

  private List<Invariant> invariants(ElementDefinition element) {
    List<Invariant> invariants = new ArrayList<>();
    for (var constraint : element.getConstraint()) {
      if (constraint.hasExtension(BEST_PRACTICE)) {
        continue; // the full validator ignores best-practice constraints (BestPracticeWarningLevel.Ignore)
      }
      invariants.add(invariantsByExpression.computeIfAbsent(constraint.getKey() + " " + constraint.getExpression(),
          k -> Invariant.compile(engine, constraint.getKey(), constraint.getExpression())));
    }
    return invariants;
  }

  /** A fixed value or pattern as the JSON it is in a resource, through HAPI's own encoder. */
  private JsonNode json(org.hl7.fhir.r4.model.Type value) {
    if (value == null) {
      return null;
    }
    if (value instanceof org.hl7.fhir.r4.model.PrimitiveType<?> primitive && !primitive.hasExtension()
        && !primitive.hasId() && !(value instanceof org.hl7.fhir.r4.model.BooleanType)
        && !(value instanceof org.hl7.fhir.r4.model.IntegerType)
        && !(value instanceof org.hl7.fhir.r4.model.DecimalType)) {
      return mapper.getNodeFactory().textNode(primitive.getValueAsString());
    }
    var parameters = new org.hl7.fhir.r4.model.Parameters();
    parameters.addParameter().setName("v").setValue(value.copy());
    try {
      JsonNode parameter = mapper.readTree(context.newJsonParser().encodeResourceToString(parameters))
          .get("parameter").get(0);
      var names = parameter.fieldNames();
      while (names.hasNext()) {
        String field = names.next();
        if (field.startsWith("value")) {
          return parameter.get(field);
        }
      }
      return null;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
  }
}
