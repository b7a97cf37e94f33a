package org.caseway.gateway.partner;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
public class PartnerConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PartnerConfiguration.class);

  @Bean
  PartnerRegistry partnerRegistry(
      PartnerRegistryProperties properties, ResourceLoader resources, ConfigurableEnvironment environment) {
    PartnerRegistry registry = PartnerRegistry.load(resources.getResource(properties.file()),
        new PropertySourcesPlaceholdersResolver(environment));
    log.info("Loaded {} partners from {}", registry.size(), properties.file());
    return registry;
  }

  @Bean
  ConformanceRecords conformanceRecords(JdbcClient jdbc, org.caseway.conformance.ImplementationGuide guide, Clock clock) {
    return new ConformanceRecords(jdbc, guide.fhirContext(), clock);
  }

  /** The directory everything asks: the file's partners with the statuses recorded at run time. */
  @Bean
  @Primary
  RecordedPartnerDirectory partnerDirectory(
      PartnerRegistry registry,
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      Clock clock) {
    return new RecordedPartnerDirectory(
        registry, new PartnerStatusStore(jdbc), new TransactionTemplate(transactions), clock);
  }
}
