package org.caseway.gateway.kafka;

import java.nio.file.Path;
import java.util.Map;
import org.caseway.gateway.config.DataDirectoryProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Chooses where Kafka is: the embedded broker by default, an external cluster when {@code
 * caseway.kafka.embedded.enabled=false}. Everything else uses {@link KafkaBootstrap} and never
 * knows which.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

  /** The in-process broker; Spring stops it after every bean that depends on it is gone. */
  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(
      name = "caseway.kafka.embedded.enabled",
      havingValue = "true",
      matchIfMissing = true)
  EmbeddedKafkaBroker embeddedKafkaBroker(
      CasewayKafkaProperties kafka, DataDirectoryProperties data) {
    CasewayKafkaProperties.Embedded embedded = kafka.embedded();
    Path logDir =
        embedded.logDir() != null ? embedded.logDir() : data.dataDir().resolve("kafka");
    return EmbeddedKafkaBroker.start(
        embedded.host(), embedded.port(), embedded.controllerPort(), logDir.toAbsolutePath());
  }

  @Bean
  @ConditionalOnProperty(name = "caseway.kafka.embedded.enabled", havingValue = "false")
  KafkaBootstrap externalKafka(CasewayKafkaProperties kafka) {
    if (!StringUtils.hasText(kafka.bootstrapServers())) {
      throw new IllegalStateException(
          "caseway.kafka.bootstrap-servers is required when the embedded broker is disabled"
              + " (environment variable CASEWAY_KAFKA_BOOTSTRAP_SERVERS)");
    }
    String servers = kafka.bootstrapServers().trim();
    Map<String, String> security = Map.copyOf(kafka.security().clientProperties());
    if (kafka.security().authenticated() && (kafka.security().saslJaasConfig() == null
        || kafka.security().saslMechanism() == null)) {
      throw new IllegalStateException("caseway.kafka.security.protocol is " + kafka.security().protocol()
          + ": set caseway.kafka.security.sasl-mechanism and the secret caseway.kafka.security.sasl-jaas-config"
          + " (environment variable CASEWAY_KAFKA_SECURITY_SASL_JAAS_CONFIG)");
    }
    return new KafkaBootstrap() {
      @Override
      public String bootstrapServers() {
        return servers;
      }

      @Override
      public Map<String, String> clientProperties() {
        return security;
      }
    };
  }
}
