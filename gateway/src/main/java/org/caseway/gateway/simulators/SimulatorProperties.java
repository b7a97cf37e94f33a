package org.caseway.gateway.simulators;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated Northshire partner systems of the embedded default (test equipment: never in
 * production, where the {@code production} profile turns them off and partners.yaml's placeholders
 * must name the real systems).
 *
 * @param enabled whether to start the simulators. Default {@code false}; the embedded default's
 *     application.yaml turns them on outside the {@code production} profile.
 * @param councilPort the council ASB API simulator's port. Default {@code 8091}.
 * @param housingPort the housing SOAP service simulator's port. Default {@code 8092}.
 * @param mhTrustPort the mental health trust FHIR server simulator's port. Default {@code 8093}.
 * @param housingDelay how long the housing service takes to answer (it is slow: housing-soap.md).
 *     Default {@code 1200ms}.
 * @param housingNightlyMaintenance whether the housing simulator keeps the real service's nightly
 *     maintenance, 01:00 to 02:00 UK time, answering 503 (housing-soap.md): the gateway's retries then
 *     deliver the alerts after 02:00. Default {@code true}; tests whose outcome must not depend on
 *     the hour they run at turn it off.
 * @param seed whether to play the samples through the partnership on the first start: the tenancy
 *     roll, probation's IOM cohort message, the police export and the council's change feed, in
 *     that order (so that links exist before the incidents that need them). Default {@code true}.
 *     Each later start only gives the council simulator its sample feed again (it keeps nothing).
 */
@ConfigurationProperties("caseway.simulators")
public record SimulatorProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("8091") int councilPort,
    @DefaultValue("8092") int housingPort,
    @DefaultValue("8093") int mhTrustPort,
    @DefaultValue("1200ms") Duration housingDelay,
    @DefaultValue("true") boolean housingNightlyMaintenance,
    @DefaultValue("true") boolean seed) {}
