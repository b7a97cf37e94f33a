package org.caseway.gateway.fhir;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the accept path validates messages against the guide.
 *
 * @param fastPath whether the guide's profiles, compiled once, may accept a message that plainly
 *     conforms before HAPI's full instance validator runs (13 to 50 times faster per message; the
 *     same reports, as {@code FastPathSoundnessTest} shows on the test corpus and its mutations).
 *     Default {@code true}. {@code false} runs the full validator on every message: a safety valve,
 *     should a partner's message ever be judged differently by the two.
 */
@ConfigurationProperties("caseway.validation")
public record ValidationProperties(@DefaultValue("true") boolean fastPath) {}
