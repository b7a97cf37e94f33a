package org.caseway.conformance.kit.engine;

import org.caseway.conformance.kit.Level;
import org.hl7.fhir.r4.model.TestScript;

/**
 * One TestScript of a suite, read and checked.
 *
 * @param file its file name in the suite, e.g. {@code TestScript-receiver-repeat.json}
 * @param script the parsed resource; treat as read-only
 * @param level the level its tests count for
 */
record LoadedScript(String file, TestScript script, Level level) {

  /** The script's id, or its file name without {@code TestScript-} and {@code .json}. */
  String id() {
    String id = script.getIdElement().getIdPart();
    return id != null ? id : file.replaceFirst("^TestScript-", "").replaceFirst("\\.json$", "");
  }

  /** True when it checks content given to the run (sender suite) rather than talking to a target. */
  boolean checksInputs() {
    return script.getFixture().stream().anyMatch(Fixtures::isInput);
  }

  /** The id of its input fixture; only when {@link #checksInputs()}. */
  String inputFixtureId() {
    return script.getFixture().stream().filter(Fixtures::isInput).findFirst().orElseThrow().getId();
  }
}
