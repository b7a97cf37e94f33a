package org.caseway.gateway.kafka;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway reaches Kafka: an in-process broker (the embedded default) or a cluster.
 *
 * @param bootstrapServers comma-separated {@code host:port} list of an external cluster; used only
 *     when the embedded broker is disabled, and then required. No default.
 * @param security how the gateway's Kafka clients authenticate to an external cluster
 * @param embedded the in-process broker
 */
@ConfigurationProperties("caseway.kafka")
public record CasewayKafkaProperties(String bootstrapServers, @DefaultValue Security security,
    @DefaultValue Embedded embedded) {

  /**
   * The Kafka clients' security, as Kafka's own client settings name it; every producer, consumer
   * and admin client of the gateway uses it (journal, dispatch, channels, topics).
   *
   * @param protocol {@code PLAINTEXT} (default; the embedded broker, which listens on loopback
   *     only), {@code SASL_PLAINTEXT} or {@code SASL_SSL} (production: the broker authenticates the
   *     gateway, and each partner's client, and its ACLs decide who may write which topic)
   * @param saslMechanism e.g. {@code PLAIN}, {@code SCRAM-SHA-512}; required with SASL
   * @param saslJaasConfig the login module line with the gateway's credentials; a secret: give it
   *     as the environment variable {@code CASEWAY_KAFKA_SECURITY_SASL_JAAS_CONFIG}, never in a file
   * @param truststoreLocation the trust store for {@code SASL_SSL}, if the JVM's default is not it
   * @param truststorePassword its password (a secret, from the environment)
   */
  public record Security(
      @DefaultValue("PLAINTEXT") String protocol,
      String saslMechanism,
      String saslJaasConfig,
      String truststoreLocation,
      String truststorePassword) {

    public boolean authenticated() {
      return protocol.startsWith("SASL");
    }

    /** Kafka client properties for this security (empty for PLAINTEXT). */
    public java.util.Map<String, String> clientProperties() {
      java.util.Map<String, String> properties = new java.util.LinkedHashMap<>();
      if (!"PLAINTEXT".equals(protocol)) {
        properties.put("security.protocol", protocol);
      }
      if (saslMechanism != null && !saslMechanism.isBlank()) {
        properties.put("sasl.mechanism", saslMechanism);
      }
      if (saslJaasConfig != null && !saslJaasConfig.isBlank()) {
        properties.put("sasl.jaas.config", saslJaasConfig);
      }
      if (truststoreLocation != null && !truststoreLocation.isBlank()) {
        properties.put("ssl.truststore.location", truststoreLocation);
      }
      if (truststorePassword != null && !truststorePassword.isBlank()) {
        properties.put("ssl.truststore.password", truststorePassword);
      }
      return properties;
    }
  }

  /**
   * The in-process, single-node Kafka broker in KRaft mode (broker and controller in one node).
   *
   * @param enabled whether to start it. Default {@code true}; the {@code production} profile turns it
   *     off. The broker has no authentication: it listens on {@link #host} only, which must stay a
   *     loopback address.
   * @param host the address both listeners bind to and advertise. Default {@code localhost}.
   * @param port TCP port of the client (broker) listener. Default {@code 9092}.
   * @param controllerPort TCP port of the KRaft controller listener. Default {@code 9093}.
   * @param logDir the broker's log (and metadata) directory. Default {@code ${caseway.data-dir}/kafka}.
   *     Formatted on first start; kept across restarts.
   */
  public record Embedded(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("localhost") String host,
      @DefaultValue("9092") int port,
      @DefaultValue("9093") int controllerPort,
      Path logDir) {}
}
