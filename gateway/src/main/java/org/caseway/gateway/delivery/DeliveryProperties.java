package org.caseway.gateway.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How disclosures are delivered from the outbox. Where each partner is reached is its {@code out}
 * channel in the partners file; each channel's {@code timeout} bounds one attempt.
 *
 * @param workersEnabled whether this instance delivers. Default {@code true}. Instances share the
 *     work through the database (a delivery is claimed by one at a time).
 * @param retryBackoff wait before the second attempt after a transient failure, doubled for each
 *     further one (with jitter, from half to all of it), unless the recipient's {@code Retry-After}
 *     says otherwise. Default {@code 1s}.
 * @param maxBackoff the longest wait between attempts. Default {@code 5m}.
 * @param giveUpAfter how long a delivery may keep failing transiently before it becomes a dead
 *     letter for a person to look at. Default {@code 24h}.
 * @param breakerThreshold transient failures in a row after which a recipient's circuit opens (no
 *     attempts to it for {@link #breakerOpenFor}, then one trial). Default {@code 5}.
 * @param breakerOpenFor how long an open circuit stays open; doubled (up to {@link #maxBackoff})
 *     each time a trial fails. Default {@code 30s}.
 * @param claimLease how long an instance holds a delivery it is attempting; an instance that dies
 *     lets go when it runs out. Must exceed the slowest channel's timeout. Default {@code 2m}.
 * @param pollInterval how often an idle worker looks for deliveries that became due (new ones wake
 *     it at once). Default {@code 500ms}.
 * @param batchSize deliveries a worker takes per round. Default {@code 20}.
 */
@ConfigurationProperties("caseway.delivery")
public record DeliveryProperties(
    @DefaultValue("true") boolean workersEnabled,
    @DefaultValue("1s") Duration retryBackoff,
    @DefaultValue("5m") Duration maxBackoff,
    @DefaultValue("24h") Duration giveUpAfter,
    @DefaultValue("5") int breakerThreshold,
    @DefaultValue("30s") Duration breakerOpenFor,
    @DefaultValue("2m") Duration claimLease,
    @DefaultValue("500ms") Duration pollInterval,
    @DefaultValue("20") int batchSize) {}
