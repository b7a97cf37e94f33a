package org.caseway.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.caseway.gateway.kafka.CasewayKafkaProperties;
import org.caseway.gateway.security.GatewaySecurityProperties;
import org.caseway.gateway.security.GatewaySecurityProperties.IssuerMode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The environment variable names the README and application-production.yaml tell operators to set. */
class EnvironmentVariablesTest {

  @Test
  void documentedVariablesBindToTheirKeys() {
    Binder binder =
        binderOver(
            Map.of(
                "CASEWAY_DATA_DIR", "/var/lib/caseway",
                "CASEWAY_KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092",
                "CASEWAY_KAFKA_EMBEDDED_ENABLED", "false",
                "CASEWAY_SECURITY_ISSUER_MODE", "external",
                "CASEWAY_SECURITY_EXTERNAL_ISSUER_URI", "https://keycloak.example/realms/northshire"));

    assertThat(binder.bindOrCreate("caseway", DataDirectoryProperties.class).dataDir())
        .isEqualTo(Path.of("/var/lib/caseway"));
    CasewayKafkaProperties kafka = binder.bindOrCreate("caseway.kafka", CasewayKafkaProperties.class);
    assertThat(kafka.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
    assertThat(kafka.embedded().enabled()).isFalse();
    GatewaySecurityProperties security =
        binder.bindOrCreate("caseway.security", GatewaySecurityProperties.class);
    assertThat(security.issuerMode()).isEqualTo(IssuerMode.EXTERNAL);
    assertThat(security.externalIssuerUri()).isEqualTo("https://keycloak.example/realms/northshire");
  }

  @Test
  void defaultsAreTheEmbeddedOnes() {
    Binder binder = binderOver(Map.of());

    CasewayKafkaProperties kafka = binder.bindOrCreate("caseway.kafka", CasewayKafkaProperties.class);
    assertThat(kafka.embedded().enabled()).isTrue();
    assertThat(kafka.embedded().port()).isEqualTo(9092);
    assertThat(kafka.embedded().controllerPort()).isEqualTo(9093);
    GatewaySecurityProperties security =
        binder.bindOrCreate("caseway.security", GatewaySecurityProperties.class);
    assertThat(security.issuerMode()).isEqualTo(IssuerMode.LOCAL);
    assertThat(security.audience()).isEqualTo("caseway-gateway");
    assertThat(binder.bindOrCreate("caseway", DataDirectoryProperties.class).dataDir())
        .isEqualTo(Path.of("./data").normalize());
  }

  private static Binder binderOver(Map<String, Object> environment) {
    MutablePropertySources sources = new MutablePropertySources();
    sources.addFirst(new SystemEnvironmentPropertySource("systemEnvironment", environment));
    return new Binder(ConfigurationPropertySources.from(sources));
  }
}
