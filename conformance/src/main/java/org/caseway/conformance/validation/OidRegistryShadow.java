package org.caseway.conformance.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.hl7.fhir.utilities.OIDUtilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that this module's empty {@code oidregistry.csv} shadows the FHIR core library's.
 *
 * <p>Why: HAPI builds a new core {@code InstanceValidator} for every validation, and since core
 * 6.5.27 (HAPI 8.4) its constructor re-reads the core's 1.5 MB, 21,350-row OID table from the jar
 * each time. That was 71% of the CPU of a steady-state validation here (85 validations/s on HAPI
 * 8.8.1; about 500/s with the shadow). The table is only consulted when a resource fetcher is set
 * on the validator, which Caseway never does (references are resolved inside the message), so an
 * empty table changes no validation result. The shadow works because a module's own resources come
 * before its dependencies on the class path; this check tells when a packaging change undoes that.
 */
public final class OidRegistryShadow {

  private static final Logger log = LoggerFactory.getLogger(OidRegistryShadow.class);
  static final String RESOURCE = "oidregistry.csv";
  private static final int SHADOW_MAX_BYTES = 1_000;

  private OidRegistryShadow() {}

  /** Whether the OID table the core library will read is Caseway's empty one. */
  public static boolean isEffective() {
    try (InputStream in = OIDUtilities.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      return in != null && in.readNBytes(SHADOW_MAX_BYTES + 1).length <= SHADOW_MAX_BYTES;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Logs a warning, once per validator built, when the shadow is not in effect. */
  static void warnIfIneffective() {
    if (!isEffective()) {
      log.warn(
          "The FHIR core OID table is not shadowed by caseway-conformance's empty {}: every validation"
              + " will re-read 1.5 MB and run about 6 times slower. Put caseway-conformance before"
              + " org.hl7.fhir.utilities on the class path.",
          RESOURCE);
    }
  }
}
