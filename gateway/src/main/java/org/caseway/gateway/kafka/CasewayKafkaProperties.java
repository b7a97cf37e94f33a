package org.caseway.gateway.kafka;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway reaches Kafka: an in-process broker (the embedded default) or a cluster.
 *
 * @param bootstrapServers comma-separated {@code host:port} list of an external cluster; used only
 *     when the embedded broker is disabled, and then required. No default. The connection is
 *     plaintext and unauthenticated: the TLS/SASL settings arrive with the production Kafka issue.
 * @param embedded the in-process broker
 */
@ConfigurationProperties("caseway.kafka")
public record CasewayKafkaProperties(String bootstrapServers, @DefaultValue Embedded embedded) {

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
