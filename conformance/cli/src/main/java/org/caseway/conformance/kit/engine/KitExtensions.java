package org.caseway.conformance.kit.engine;

import org.caseway.conformance.kit.Level;

/**
 * The URLs of the extensions by which the kit's TestScripts say what plain TestScript cannot. Their
 * StructureDefinitions are in {@code caseway-suites/definitions/}.
 */
final class KitExtensions {

  private static final String BASE = "https://caseway.example/fhir/StructureDefinition/conformance-kit-";

  /** On TestScript: the level its tests count for ({@code valueCode}). */
  static final String LEVEL = Level.EXTENSION;
  /**
   * On a fixture ({@code valueBoolean}): give the message a new Bundle.id and MessageHeader.id
   * once per run of the script, so a receiver sees a new message each run, and sending the same
   * fixture twice within a run is a repeat.
   */
  static final String FRESH_IDS = BASE + "fresh-ids";
  /**
   * On a fixture, complex: {@code find} and {@code replace} ({@code valueString}); every occurrence
   * of {@code find} in the fixture's text is replaced, {@code ${variables}} in {@code replace}
   * substituted. Applied in order, before fresh ids.
   */
  static final String REPLACE = BASE + "replace";
  /**
   * On a fixture ({@code valueBoolean}): it is the content under test (sender suite); the script
   * runs once per message read from the target, with this fixture bound to it.
   */
  static final String INPUT = BASE + "input";
  /**
   * On an assert ({@code valueString}, an ISO 8601 duration such as {@code PT5S}, or a
   * {@code ${variable}} holding one): the last response came within that time.
   */
  static final String RESPONSE_WITHIN = BASE + "response-within";

  private KitExtensions() {}
}
