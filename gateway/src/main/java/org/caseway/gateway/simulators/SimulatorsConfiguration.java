package org.caseway.gateway.simulators;

import java.nio.file.Path;
import java.time.Clock;
import org.caseway.adapters.PartnerChannelRoutes;
import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.gateway.config.DataDirectoryProperties;
import org.caseway.gateway.kafka.KafkaBootstrap;
import org.caseway.gateway.partner.Partner;
import org.caseway.gateway.partner.PartnerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The embedded default's simulated partner systems ({@code caseway.simulators.enabled}), reached
 * through partners.yaml's channels like real ones, and the first-start play of the samples.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "caseway.simulators.enabled", havingValue = "true")
public class SimulatorsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SimulatorsConfiguration.class);

  /** Started after the channels (which create the Kafka topics probation publishes to). */
  @Bean(destroyMethod = "close")
  NorthshireSimulators northshireSimulators(SimulatorProperties properties, Environment environment,
      CasewayValidator validator, KafkaBootstrap kafka, PartnerChannelRoutes channelsFirst, Clock clock) {
    NorthshireSimulators simulators = NorthshireSimulators.start(properties,
        environment.getRequiredProperty("caseway.northshire.council-api-key"),
        environment.getRequiredProperty("caseway.northshire.housing-username"),
        environment.getRequiredProperty("caseway.northshire.housing-password"),
        validator, kafka.bootstrapServers(), clock);
    log.warn("SIMULATED PARTNER SYSTEMS RUNNING (test equipment, never production): council {}, housing {},"
        + " mental health trust {}, probation and the police hub on Kafka {}", simulators.council().baseUrl(),
        simulators.housing().baseUrl(), simulators.trust().fhirBase(), kafka.bootstrapServers());
    return simulators;
  }

  @Bean
  ApplicationListener<ApplicationReadyEvent> samplePlay(SimulatorProperties properties, NorthshireSimulators simulators,
      PartnerRegistry partners, DataDirectoryProperties dataDir) {
    return ready -> {
      if (!properties.seed()) {
        return;
      }
      SamplePlay play = new SamplePlay(simulators, dropFolder(partners, "northshire-police"),
          dropFolder(partners, "northshire-housing"), dataDir.dataDir().resolve("simulators").resolve("samples-played"));
      Thread player = new Thread(play, "northshire-sample-play");
      player.setDaemon(true);
      player.start();
    };
  }

  private static Path dropFolder(PartnerRegistry partners, String partnerId) {
    return partners.find(partnerId)
        .map(Partner::channels)
        .map(channels -> channels.get("in"))
        .map(in -> in.get("directory"))
        .map(Path::of)
        .orElseThrow(() -> new IllegalStateException("The partners file gives " + partnerId
            + " no file-drop in channel with a directory; the samples need one"));
  }
}
