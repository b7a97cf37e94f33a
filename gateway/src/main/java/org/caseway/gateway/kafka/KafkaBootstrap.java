package org.caseway.gateway.kafka;

/**
 * Where Kafka clients connect.
 *
 * <p>Contract: a bean of this type is usable as soon as it exists (an embedded broker is started
 * before the bean is published and stopped only when the bean is destroyed), so Kafka client beans
 * that depend on it are created after it and destroyed before it. Thread-safe; never returns null.
 */
public interface KafkaBootstrap {

  /** The {@code bootstrap.servers} value for producers, consumers and admin clients. */
  String bootstrapServers();

  /**
   * The client settings every producer, consumer and admin client adds to its own: security
   * ({@code security.protocol}, {@code sasl.*}). Empty for the embedded broker.
   */
  default java.util.Map<String, String> clientProperties() {
    return java.util.Map.of();
  }

  /** As {@link #clientProperties()}, as Camel Kafka endpoint options ({@code &securityProtocol=...}). */
  default java.util.Map<String, String> camelOptions() {
    java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
    clientProperties().forEach((key, value) -> options.put(CamelKafkaOptions.name(key), "RAW(" + value + ")"));
    return options;
  }
}
