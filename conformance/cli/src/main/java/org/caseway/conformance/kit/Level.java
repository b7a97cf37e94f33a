package org.caseway.conformance.kit;

import java.util.Arrays;
import java.util.Locale;

/**
 * A conformance level, lowest first. A partner reaches a level when every test of that level and
 * of every level below it passed. Onboarding → active requires {@link #CORE}.
 *
 * <p>In a suite, each TestScript names the level its tests count for with the extension {@value
 * #EXTENSION} ({@code valueCode}); in a TestReport, {@value #REACHED_EXTENSION} gives the level
 * reached. Their StructureDefinitions are in the kit's {@code caseway-suites/definitions/}.
 */
public enum Level {
  /** What a partner must pass before it is switched on. */
  CORE,
  /** Everything the suite checks, including the recommended behaviour. */
  FULL;

  public static final String EXTENSION = "https://caseway.example/fhir/StructureDefinition/conformance-kit-level";
  public static final String REACHED_EXTENSION =
      "https://caseway.example/fhir/StructureDefinition/conformance-kit-level-reached";

  /** The code, as in suites and reports: {@code core}, {@code full}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the known levels if {@code code} is none of them
   */
  public static Level of(String code) {
    return Arrays.stream(values())
        .filter(level -> level.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "Unknown conformance level '" + code + "'; the levels are "
                + String.join(", ", Arrays.stream(values()).map(Level::code).toList())));
  }

  /** True when this level is {@code other} or above it. */
  public boolean atLeast(Level other) {
    return compareTo(other) >= 0;
  }
}
