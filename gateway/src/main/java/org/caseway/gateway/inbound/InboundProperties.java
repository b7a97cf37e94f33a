package org.caseway.gateway.inbound;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Messages partners publish to Caseway on Kafka (probation-kafka.md).
 *
 * @param enabled whether this instance consumes the inbound topic. Default {@code true}.
 * @param topic the topic partners publish to. Default {@code caseway.inbound}.
 * @param groupId the consumer group, shared by every instance. Default {@code caseway-inbound}.
 * @param acksTopicPrefix acknowledgements go to this prefix + the partner id. Default {@code
 *     caseway.acks.}.
 * @param partitions partitions of the inbound and acknowledgement topics when the gateway creates
 *     them. Default {@code 6}.
 */
@ConfigurationProperties("caseway.inbound")
public record InboundProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("caseway.inbound") String topic,
    @DefaultValue("caseway-inbound") String groupId,
    @DefaultValue("caseway.acks.") String acksTopicPrefix,
    @DefaultValue("6") int partitions) {

  public String acksTopic(String partnerId) {
    return acksTopicPrefix + partnerId;
  }
}
