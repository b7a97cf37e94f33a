package org.caseway.conformance.kit.engine;

import ca.uhn.fhir.context.FhirContext;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.caseway.conformance.kit.Level;
import org.caseway.conformance.validation.CasewayValidator;

/**
 * What every script run of one suite run shares.
 *
 * @param fhir the guide's FHIR context
 * @param validator the Caseway validator, built on first use
 * @param target the HTTP target, when the run has one
 * @param variables the run's given variable values (options, {@code partner}, {@code authorization})
 * @param requested the requested level
 */
record RunContext(
    FhirContext fhir,
    Supplier<CasewayValidator> validator,
    Optional<HttpTarget> target,
    Map<String, String> variables,
    Level requested) {}
