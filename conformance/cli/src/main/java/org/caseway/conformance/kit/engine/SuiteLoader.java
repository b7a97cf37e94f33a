package org.caseway.conformance.kit.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.util.ArrayList;
import java.util.List;
import org.caseway.conformance.kit.Level;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.TestScript;

/** Reads and checks the TestScripts of a suite. Stateless. */
final class SuiteLoader {

  private SuiteLoader() {}

  /**
   * @throws IllegalArgumentException naming the file and the problem, when a TestScript cannot be
   *     read or names no level (a defect of the suite, reported before anything is sent)
   */
  static List<LoadedScript> load(SuiteFiles files, FhirContext fhir) {
    List<LoadedScript> scripts = new ArrayList<>();
    for (String file : files.scripts()) {
      String text = files.read(file).orElseThrow();
      TestScript script;
      try {
        script = fhir.newJsonParser().parseResource(TestScript.class, text);
      } catch (DataFormatException e) {
        throw new IllegalArgumentException("Suite " + files.location() + ": " + file + " is not a TestScript in FHIR JSON: " + e.getMessage(), e);
      }
      scripts.add(new LoadedScript(file, script, level(files, file, script)));
    }
    return scripts;
  }

  private static Level level(SuiteFiles files, String file, TestScript script) {
    Extension extension = script.getExtensionByUrl(KitExtensions.LEVEL);
    if (extension == null || extension.getValue() == null) {
      throw new IllegalArgumentException("Suite " + files.location() + ": " + file
          + " names no level: give it the extension " + KitExtensions.LEVEL + " with valueCode core or full");
    }
    try {
      return Level.of(extension.getValue().primitiveValue());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Suite " + files.location() + ": " + file + ": " + e.getMessage(), e);
    }
  }
}
