package org.caseway.gateway.partner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
public class PartnerConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PartnerConfiguration.class);

  @Bean
  PartnerRegistry partnerRegistry(PartnerRegistryProperties properties, ResourceLoader resources) {
    PartnerRegistry registry = PartnerRegistry.load(resources.getResource(properties.file()));
    log.info("Loaded {} partners from {}", registry.size(), properties.file());
    return registry;
  }
}
