package org.caseway.adapters.intake;

/**
 * Whether a partner may exchange messages now (active: not onboarding, suspended or withdrawn).
 * Inbound channels ask before taking anything in, on every poll and every file, so that a status
 * change by the data sharing manager takes effect at once. Thread-safe.
 */
public interface PartnerGate {

  boolean mayExchange(String partnerId);
}
