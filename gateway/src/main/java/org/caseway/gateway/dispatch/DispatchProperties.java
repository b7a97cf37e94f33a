package org.caseway.gateway.dispatch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dispatch: from the journal, through the policy engine, to the record of disclosures and delivery.
 *
 * @param enabled whether this instance consumes the journal. Default {@code true}. Every instance
 *     of one partnership shares the work through the consumer group.
 * @param groupId the Kafka consumer group. Default {@code caseway-dispatch}. Every instance must use
 *     the same one, or messages are dispatched once per group.
 * @param maxPollRecords records taken per poll. Default {@code 20}. Offsets are committed per
 *     message once its decisions are recorded and its deliveries handed over.
 */
@ConfigurationProperties("caseway.dispatch")
public record DispatchProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("caseway-dispatch") String groupId,
    @DefaultValue("20") int maxPollRecords) {}
