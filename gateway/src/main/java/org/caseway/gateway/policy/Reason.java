package org.caseway.gateway.policy;

/**
 * One step of a decision, for {@code $explain}: a rule or check, and what came of it.
 *
 * @param rule what was checked, e.g. {@code ISA-ASB v3 rule police->council} or {@code rule 2:
 *     witnesses and reporters}
 * @param outcome {@code allowed}, {@code withheld} or {@code not-applicable}
 * @param detail why, in words
 */
public record Reason(String rule, String outcome, String detail) {}
