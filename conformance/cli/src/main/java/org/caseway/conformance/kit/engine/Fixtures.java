package org.caseway.conformance.kit.engine;

import ca.uhn.fhir.context.FhirContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.TestScript.TestScriptFixtureComponent;

/**
 * The fixtures of one script run, loaded once each (so a fixture sent twice is the same message,
 * fresh ids included), and the responses the run has received by {@code responseId}. Not
 * thread-safe: one per script run.
 *
 * <p>A fixture's {@code resource.reference} is a path relative to the suite's folder, or a file of
 * the guide ({@code caseway-ig/examples/Bundle-example-referral.json}). Its content may be anything
 * (a fixture that is not JSON tests how a receiver refuses it). The kit's fixture extensions are
 * applied on loading: {@code conformance-kit-replace}, in order, then {@code
 * conformance-kit-fresh-ids}.
 */
final class Fixtures {

  private final SuiteFiles files;
  private final Map<String, TestScriptFixtureComponent> declared = new HashMap<>();
  private final Map<String, Content> loaded = new HashMap<>();
  private final FhirContext fhir;
  private final Variables variables;

  Fixtures(SuiteFiles files, List<TestScriptFixtureComponent> fixtures, FhirContext fhir, Variables variables) {
    this.files = files;
    this.fhir = fhir;
    this.variables = variables;
    fixtures.forEach(fixture -> declared.put(fixture.getId(), fixture));
  }

  /** Binds an input (sender suite) or a response to an id, replacing what was bound before. */
  void bind(String id, Content content) {
    loaded.put(id, content);
  }

  /** True when {@code id} is a declared fixture or a bound response. */
  boolean has(String id) {
    return loaded.containsKey(id) || declared.containsKey(id);
  }

  /**
   * The fixture or response named {@code id}.
   *
   * @throws KitException if there is none, or its file is missing
   */
  Content get(String id) {
    Content content = loaded.get(id);
    if (content == null) {
      content = load(id);
      loaded.put(id, content);
    }
    return content;
  }

  private Content load(String id) {
    TestScriptFixtureComponent fixture = declared.get(id);
    if (fixture == null) {
      throw new KitException("No fixture or response with id '" + id + "' (a sourceId names a fixture, or an earlier operation's responseId)");
    }
    if (isInput(fixture)) {
      throw new KitException("Fixture '" + id + "' is the content under test, which this run was not given");
    }
    String reference = fixture.getResource().getReference();
    if (reference == null) {
      throw new KitException("Fixture '" + id + "' has no resource.reference");
    }
    String text = files.read(reference).orElseThrow(() -> new KitException(
        "Fixture '" + id + "': no file " + reference + " in suite " + files.location() + " (or the guide)"));
    text = replacements(fixture, text);
    if (flag(fixture, KitExtensions.FRESH_IDS)) {
      text = MessageIds.fresh(text, fhir, UUID::randomUUID);
    }
    return new Content("fixture '" + id + "'", text, Map.of(), fhir);
  }

  private String replacements(TestScriptFixtureComponent fixture, String text) {
    String result = text;
    for (Extension replace : fixture.getExtensionsByUrl(KitExtensions.REPLACE)) {
      String find = subValue(replace, "find");
      String with = variables.substitute(subValue(replace, "replace"));
      if (!result.contains(find)) {
        throw new KitException("Fixture '" + fixture.getId() + "': the text to replace, '" + find + "', is not in "
            + fixture.getResource().getReference());
      }
      result = result.replace(find, with);
    }
    return result;
  }

  private static String subValue(Extension extension, String url) {
    Extension sub = extension.getExtensionByUrl(url);
    if (sub == null || sub.getValue() == null) {
      throw new KitException("The extension " + KitExtensions.REPLACE + " needs a '" + url + "' value");
    }
    return sub.getValue().primitiveValue();
  }

  /** True when the fixture is marked as the content under test. */
  static boolean isInput(TestScriptFixtureComponent fixture) {
    return flag(fixture, KitExtensions.INPUT);
  }

  private static boolean flag(TestScriptFixtureComponent fixture, String url) {
    Extension extension = fixture.getExtensionByUrl(url);
    return extension != null && extension.getValue() instanceof BooleanType value && value.booleanValue();
  }

  /** The content bound or loaded for {@code id}, if it has been. */
  Optional<Content> peek(String id) {
    return Optional.ofNullable(loaded.get(id));
  }
}
