package org.caseway.gateway.channels;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseway.adapters.AdapterServices;
import org.caseway.adapters.ChannelDefinition;
import org.caseway.adapters.PartnerChannelRoutes;
import org.caseway.adapters.feed.FeedStateStore;
import org.caseway.adapters.intake.MessageIntake;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.accept.MessageAcceptance;
import org.caseway.gateway.fhir.FhirJson;
import org.caseway.gateway.identity.IdentityLearner;
import org.caseway.gateway.kafka.CasewayKafkaProperties;
import org.caseway.gateway.kafka.KafkaBootstrap;
import org.caseway.gateway.kafka.KafkaTopics;
import org.caseway.gateway.partner.PartnerDirectory;
import org.caseway.gateway.partner.PartnerRegistry;
import org.caseway.gateway.store.StoreConfiguration;
import org.caseway.mappings.InputLimits;
import org.caseway.mappings.MappingEngines;
import org.caseway.mappings.Mappings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the adapters to the gateway: the partners file's channels become routes
 * ({@link PartnerChannelRoutes}), inbound channels hand messages to the accept path
 * ({@link GatewayMessageIntake}) and the tenancy roll to the identity index ({@link TenancyRollFeed}),
 * feed state lives in the database ({@link JdbcFeedStateStore}), and a partner's status is asked
 * on every poll and file ({@link DirectoryPartnerGate}).
 */
@Configuration(proxyBeanMethods = false)
public class ChannelsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ChannelsConfiguration.class);

  @Bean
  Mappings mappings(ChannelsProperties channels) {
    return new Mappings(Optional.ofNullable(channels.mappingsDir()), MappingEngines.standard(InputLimits.DEFAULT),
        Mappings.class.getClassLoader());
  }

  @Bean
  MessageIntake messageIntake(MessageAcceptance acceptance, ImplementationGuide guide, Clock clock) {
    return new GatewayMessageIntake(acceptance, new FailureResponseBuilder(guide.fhirContext(), clock),
        new FhirJson(guide.fhirContext()));
  }

  @Bean
  FeedStateStore feedStateStore(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
    return new JdbcFeedStateStore(jdbc, new TransactionTemplate(transactions), clock);
  }

  /**
   * This instance's claims on dropped files, renewed while it lives; closed with the context.
   * After the claims a killed predecessor left are released (where that is safe).
   */
  @Bean
  @DependsOn(StoreConfiguration.CLAIMS_RELEASED)
  JdbcFileClaims fileClaims(JdbcClient jdbc, ChannelsProperties properties, Clock clock) {
    JdbcFileClaims claims = new JdbcFileClaims(jdbc, instanceName(), properties.fileClaimLease(), clock);
    claims.keepRenewing();
    return claims;
  }

  /** After the claims a killed predecessor left are released (where that is safe). */
  @Bean
  @DependsOn(StoreConfiguration.CLAIMS_RELEASED)
  PartnerChannelRoutes partnerChannelRoutes(
      ChannelsProperties properties,
      PartnerRegistry registry,
      PartnerDirectory partners,
      Mappings mappings,
      MessageIntake intake,
      FeedStateStore feedState,
      IdentityLearner identities,
      KafkaBootstrap kafka,
      JdbcFileClaims claims,
      CasewayKafkaProperties kafkaSettings,
      Clock clock) {
    List<ChannelDefinition> channels = PartnerChannelDefinitions.of(registry, properties.inboundEnabled());
    if (kafkaSettings.security().authenticated()) {
      PartnerChannelDefinitions.requireOwnInboundTopics(channels);
    }
    KafkaTopics.ensureExist(kafka, PartnerChannelDefinitions.kafkaTopics(channels), properties.topicPartitions(),
        java.time.Duration.ofSeconds(30));
    HttpClient http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
    TenancyRollFeed roll = new TenancyRollFeed(identities);
    AdapterServices services = new AdapterServices(mappings, intake, Map.of(roll.name(), roll), feedState,
        new DirectoryPartnerGate(partners), http, clock, kafka.bootstrapServers(), kafka.camelOptions(),
        Optional.of(claims), claims);
    log.info("Partner channels: {}", channels.stream().map(ChannelDefinition::routeId).toList());
    if (!properties.inboundEnabled()) {
      log.warn("Inbound channels are off (caseway.channels.inbound-enabled=false) on this instance");
    }
    return new PartnerChannelRoutes(channels, services);
  }

  private static String instanceName() {
    return java.lang.management.ManagementFactory.getRuntimeMXBean().getName() + "/"
        + java.util.UUID.randomUUID().toString().substring(0, 8);
  }
}
