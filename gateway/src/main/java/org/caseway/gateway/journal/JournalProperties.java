package org.caseway.gateway.journal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The journal: the Kafka topic on which every accepted message is written before it is
 * acknowledged.
 *
 * @param topic topic name. Default {@code caseway.journal}. Every gateway instance of one
 *     partnership must use the same one.
 * @param partitions partitions the gateway creates the topic with when it is missing. Default
 *     {@code 6}. Messages about one subject always share a partition (the record key is the subject
 *     key), so this bounds how many consumers can work in parallel, in order. Changing it for an
 *     existing topic has no effect: repartitioning would reorder messages about one person.
 * @param replicationFactor replicas of the topic when the gateway creates it. Default: unset, the
 *     broker's {@code default.replication.factor} (1 on the embedded broker; set 3 on a cluster).
 * @param sendTimeout how long an accept waits for the broker to acknowledge the write, including
 *     retries, before it refuses the message as a transient failure (the partner retries). Default
 *     {@code 10s}. It also bounds how long a request with the same message id waits for the first.
 */
@ConfigurationProperties("caseway.journal")
public record JournalProperties(
    @DefaultValue("caseway.journal") String topic,
    @DefaultValue("6") int partitions,
    Short replicationFactor,
    @DefaultValue("10s") Duration sendTimeout) {}
