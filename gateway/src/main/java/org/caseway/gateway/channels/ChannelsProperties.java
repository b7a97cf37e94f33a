package org.caseway.gateway.channels;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The partner channels: every {@code in} and {@code out} channel of the partners file runs as a route
 * made from the adapters' template for its {@code type}.
 *
 * @param inboundEnabled whether this instance runs the inbound channels (drop folders, polled
 *     feeds, the Kafka inbound topic). Default {@code true}. Outbound channels always run: dispatch
 *     delivers through them.
 * @param mappingsDir a folder of extra mapping folders ({@code <dir>/<id>/mapping.yaml}) that win
 *     over the shipped ones of the same id, so agency IT can add or change a mapping without a
 *     release. Default: none (the shipped mappings only).
 * @param topicPartitions partitions of the Kafka channel topics (inbound, acknowledgements,
 *     outbound) the gateway creates when missing. Default {@code 6}.
 * @param connectTimeout TCP connect timeout of the HTTP channels (feeds, REST push, SOAP, FHIR).
 *     Default {@code 5s}; each channel's {@code timeout} bounds the whole call.
 * @param fileClaimLease how long an instance's claim on a dropped file holds if the instance dies
 *     while taking it in (then another instance takes the file over), and so its turn to poll a
 *     change feed (one instance polls each feed at a time). A living instance renews its claims
 *     every third of it, however long a file takes. Default {@code 10m}.
 */
@ConfigurationProperties("caseway.channels")
public record ChannelsProperties(
    @DefaultValue("true") boolean inboundEnabled,
    Path mappingsDir,
    @DefaultValue("6") int topicPartitions,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("10m") Duration fileClaimLease) {}
