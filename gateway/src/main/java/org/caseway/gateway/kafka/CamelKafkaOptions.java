package org.caseway.gateway.kafka;

import java.util.Map;

/** Kafka client property names as the Camel Kafka component's endpoint options name them. */
final class CamelKafkaOptions {

  private static final Map<String, String> NAMES = Map.of(
      "security.protocol", "securityProtocol",
      "sasl.mechanism", "saslMechanism",
      "sasl.jaas.config", "saslJaasConfig",
      "ssl.truststore.location", "sslTruststoreLocation",
      "ssl.truststore.password", "sslTruststorePassword");

  private CamelKafkaOptions() {}

  static String name(String clientProperty) {
    String name = NAMES.get(clientProperty);
    if (name == null) {
      throw new IllegalArgumentException("No Camel Kafka option for the client property " + clientProperty);
    }
    return name;
  }
}
