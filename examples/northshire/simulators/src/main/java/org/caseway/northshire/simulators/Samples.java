package org.caseway.northshire.simulators;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The partners' sample inputs from {@code shared/partnership/samples/}, as committed, byte for byte
 * (the police export keeps its byte-order mark and CRLF line ends), read from the classpath folder
 * {@value #FOLDER}.
 *
 * <p>Stateless and thread-safe; every call returns a fresh copy.
 */
public final class Samples {

  /** The police RMS export (police-rms-csv.md): UTF-8 with a BOM, CRLF, quoted multi-line narratives. */
  public static final String POLICE_EXPORT = "ASB_EXPORT_20261103091500.csv";

  /** The housing association's nightly tenancy roll (housing-soap.md). */
  public static final String TENANCY_ROLL = "TENANCY_ROLL_20261103.csv";

  /** One page of the council's change feed (council-asb-api.md). */
  public static final String COUNCIL_CHANGES_PAGE = "council-changes-page1.json";

  static final String FOLDER = "caseway/northshire/samples/";

  /** The guide's probation example: CRN K204811 joins the IOM cohort, linked to PNC id 2013/0456789K. */
  static final String IOM_COHORT_CHANGED = "caseway-ig/examples/Bundle-example-iom-cohort-changed.json";

  private static final List<String> KNOWN = List.of(POLICE_EXPORT, POLICE_EXPORT + ".done",
      TENANCY_ROLL, TENANCY_ROLL + ".done", COUNCIL_CHANGES_PAGE);

  private Samples() {}

  /**
   * The sample's bytes, exactly as committed.
   *
   * @param name one of the sample file names, e.g. {@link #POLICE_EXPORT} or {@code
   *     POLICE_EXPORT + ".done"}
   * @throws IllegalArgumentException naming the known samples if {@code name} is not one of them
   */
  public static byte[] bytes(String name) {
    if (!KNOWN.contains(name)) {
      throw new IllegalArgumentException("No Northshire sample named '" + name + "'; the samples are " + KNOWN);
    }
    return classpathBytes(FOLDER + name);
  }

  /** The council change feed sample page ({@value #COUNCIL_CHANGES_PAGE}), as UTF-8 text. */
  public static String councilChangesPage() {
    return new String(bytes(COUNCIL_CHANGES_PAGE), StandardCharsets.UTF_8);
  }

  /**
   * Probation's sample message: the guide's {@code Bundle-example-iom-cohort-changed}, read from
   * the conformance jar so that it can never drift from the guide. It is valid against the guide
   * and links CRN K204811 to PNC id 2013/0456789K, the suspect of the police sample.
   */
  public static String iomCohortChanged() {
    return new String(classpathBytes(IOM_COHORT_CHANGED), StandardCharsets.UTF_8);
  }

  private static byte[] classpathBytes(String resource) {
    try (InputStream in = Samples.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        // A packaging defect, not a caller's mistake.
        throw new IllegalStateException("Sample " + resource + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read sample " + resource, e);
    }
  }
}
