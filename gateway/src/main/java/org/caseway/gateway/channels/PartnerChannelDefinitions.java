package org.caseway.gateway.channels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseway.adapters.ChannelConfigurationException;
import org.caseway.adapters.ChannelDefinition;
import org.caseway.adapters.ChannelTypes;
import org.caseway.adapters.Direction;
import org.caseway.gateway.partner.Partner;
import org.caseway.gateway.partner.PartnerRegistry;

/**
 * The channels of the partners file as the adapters take them: one {@link ChannelDefinition} per
 * partner and direction. A setting whose {@code ${...}} placeholder the deployment left unresolved is
 * refused at start, naming the property (or environment variable) to set.
 */
public final class PartnerChannelDefinitions {

  private PartnerChannelDefinitions() {}

  /** @param inbound whether to include the {@code in} channels */
  public static List<ChannelDefinition> of(PartnerRegistry registry, boolean inbound) {
    List<ChannelDefinition> channels = new ArrayList<>();
    for (Partner partner : registry.all()) {
      for (Direction direction : Direction.values()) {
        Map<String, String> settings = partner.channels().get(direction.key());
        if (settings != null && (inbound || direction == Direction.OUT)) {
          channels.add(checked(new ChannelDefinition(partner.id(), direction, settings)));
        }
      }
    }
    return channels;
  }

  /** Every Kafka topic the channels read or write, so that the gateway can create the missing ones. */
  public static List<String> kafkaTopics(List<ChannelDefinition> channels) {
    List<String> topics = new ArrayList<>();
    for (ChannelDefinition channel : channels) {
      if (ChannelTypes.KAFKA.equals(channel.type())) {
        topics.add(channel.required("topic"));
        if (channel.direction() == Direction.IN) {
          topics.add(channel.optional("acks-topic", "caseway.acks." + channel.partnerId()));
        }
      }
    }
    return topics.stream().distinct().toList();
  }

  /**
   * With an authenticating broker, each partner's Kafka in topic must be its own. The broker
   * authenticates every client, but a consumer cannot see who wrote a record: only topic ACLs (one
   * partner may write each inbound topic) make the {@code caseway-partner} header trustworthy.
   *
   * @throws ChannelConfigurationException naming the topic and the partners that share it
   */
  public static void requireOwnInboundTopics(List<ChannelDefinition> channels) {
    Map<String, List<String>> writers = new java.util.TreeMap<>();
    channels.stream()
        .filter(c -> c.direction() == Direction.IN && ChannelTypes.KAFKA.equals(c.type()))
        .forEach(c -> writers.computeIfAbsent(c.required("topic"), t -> new ArrayList<>()).add(c.partnerId()));
    writers.forEach((topic, partners) -> {
      if (partners.size() > 1) {
        throw new ChannelConfigurationException("Kafka in topic " + topic + " is shared by " + partners + ": with an"
            + " authenticating broker each partner needs an inbound topic of its own that only it may write (a topic"
            + " ACL), since a consumer cannot see who wrote a record. Give each its own topic in the partners file.");
      }
    });
  }

  private static ChannelDefinition checked(ChannelDefinition channel) {
    channel.settings().forEach((name, value) -> {
      int start = value.indexOf("${");
      if (start >= 0) {
        int end = value.indexOf('}', start);
        String property = value.substring(start + 2, end < 0 ? value.length() : end).split(":", 2)[0];
        throw new ChannelConfigurationException("Partner " + channel.partnerId() + ", channel '"
            + channel.direction().key() + "': setting '" + name + "' needs the property " + property
            + ", which is not set: set it in the configuration or as the environment variable "
            + property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_') + ".");
      }
    });
    channel.type();
    return channel;
  }
}
