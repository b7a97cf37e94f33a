package org.caseway.gateway.policy;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The partnership-wide rules of the policy engine that are not in any agreement.
 *
 * @param officialSensitiveRecipients partner ids that may receive data labelled {@code
 *     OFFICIAL-SENSITIVE} or restricted (agreements.md rule 4). Default: {@code northshire-police},
 *     {@code northshire-probation}. Adding a partner here lets it receive restricted data under any
 *     agreement that allows the categories: change it only with the data sharing manager.
 */
@ConfigurationProperties("caseway.policy")
public record PolicyProperties(
    @DefaultValue({"northshire-police", "northshire-probation"}) Set<String> officialSensitiveRecipients) {}
