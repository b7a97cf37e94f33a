package org.caseway.gateway.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How disclosures are delivered. Where each partner is reached is its {@code out} channel in the
 * partners file.
 *
 * @param maxAttempts attempts per disclosure on transient failures (5xx, 429, timeouts, refused
 *     connections, retriable Kafka errors) before dispatch gives up on the message for now and takes
 *     it again from the journal. Default {@code 3}. Permanent failures are not retried.
 * @param retryBackoff wait before the second attempt, doubled for each further one. Default {@code
 *     500ms}.
 */
@ConfigurationProperties("caseway.delivery")
public record DeliveryProperties(
    @DefaultValue("3") int maxAttempts,
    @DefaultValue("500ms") Duration retryBackoff) {}
