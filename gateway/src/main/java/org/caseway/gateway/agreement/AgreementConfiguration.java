package org.caseway.gateway.agreement;

import java.time.Clock;
import java.util.Collection;
import java.util.stream.Collectors;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.identity.IdentityLinks;
import org.caseway.gateway.partner.Partner;
import org.caseway.gateway.partner.PartnerDirectory;
import org.caseway.gateway.policy.PolicyEngine;
import org.caseway.gateway.policy.PolicyProperties;
import org.caseway.gateway.policy.engine.AgreementPolicyEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The agreements, loaded at start (a start with unacceptable documents fails, naming every problem),
 * and the policy engine that applies them.
 */
@Configuration(proxyBeanMethods = false)
public class AgreementConfiguration {

  @Bean
  AgreementVersionStore agreementVersionStore(JdbcTemplate jdbc, Clock clock) {
    return new AgreementVersionStore(jdbc, clock);
  }

  @Bean
  AgreementRegistry agreementRegistry(AgreementProperties properties, ResourcePatternResolver resources,
      ImplementationGuide guide, PartnerDirectory partners, AgreementVersionStore versions) {
    Collection<Partner> all = partners.all();
    AgreementVocabulary vocabulary = AgreementVocabulary.of(guide,
        all.stream().map(Partner::id).toList(),
        all.stream().flatMap(p -> p.identifierSystems().stream()).collect(Collectors.toSet()));
    AgreementRegistry registry =
        new AgreementRegistry(resources, properties.location(), new AgreementLoader(vocabulary), versions);
    AgreementLoader.Result result = registry.reload();
    if (!result.succeeded()) {
      throw new IllegalStateException("The agreements at " + properties.location()
          + " (caseway.agreements.location) cannot be loaded:\n  "
          + result.problems().stream().map(AgreementProblem::toString).collect(Collectors.joining("\n  ")));
    }
    return registry;
  }

  /** The engine; without an identity index it knows only what each message says ({@link IdentityLinks#NONE}). */
  @Bean
  PolicyEngine policyEngine(AgreementRegistry agreements, PartnerDirectory partners,
      ObjectProvider<IdentityLinks> links, PolicyProperties properties, ImplementationGuide guide) {
    return new AgreementPolicyEngine(agreements::current, partners, links.getIfAvailable(() -> IdentityLinks.NONE),
        properties.officialSensitiveRecipients(), guide);
  }
}
