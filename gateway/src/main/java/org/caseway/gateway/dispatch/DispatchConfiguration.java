package org.caseway.gateway.dispatch;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.camel.builder.RouteBuilder;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.delivery.DeliveryProperties;
import org.caseway.gateway.delivery.DeliveryTransports;
import org.caseway.gateway.identity.IdentityLearner;
import org.caseway.gateway.journal.JournalProperties;
import org.caseway.gateway.kafka.KafkaBootstrap;
import org.caseway.gateway.ledger.DisclosureLedger;
import org.caseway.gateway.ledger.MarkerDisclosures;
import org.caseway.gateway.partner.PartnerDirectory;
import org.caseway.gateway.policy.PolicyEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires dispatch to the policy engine. With {@code caseway.dispatch.enabled=false} dispatch does
 * not start: accepted messages wait on the journal (their offsets uncommitted) until it runs.
 */
@Configuration(proxyBeanMethods = false)
public class DispatchConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DispatchConfiguration.class);

  @Bean
  OffsetCommitter offsetCommitter() {
    return new OffsetCommitter();
  }

  @Bean
  RouteBuilder journalDispatchRoute(
      DispatchProperties dispatch,
      PolicyEngine engine,
      KafkaBootstrap kafka,
      JournalProperties journal,
      ImplementationGuide guide,
      IdentityLearner identities,
      PartnerDirectory partners,
      DisclosureLedger ledger,
      DeliveryTransports transports,
      DeliveryProperties delivery,
      OffsetCommitter committer,
      MarkerDisclosures markers,
      MeterRegistry meters,
      Clock clock) {
    if (!dispatch.enabled()) {
      log.warn("Dispatch is off (caseway.dispatch.enabled=false): accepted messages stay on the journal until it runs");
      return new RouteBuilder() {
        @Override
        public void configure() {}
      };
    }
    MessageDispatcher dispatcher =
        new MessageDispatcher(guide.fhirContext(), identities, new RecipientDecisions(engine, partners, meters),
            ledger, new DisclosureDelivery(transports, delivery.maxAttempts(), delivery.retryBackoff()),
            partners, markers, clock);
    String endpoint = KafkaConsumerUris.manualCommit(
        journal.topic(), kafka.bootstrapServers(), dispatch.groupId(), dispatch.maxPollRecords());
    return new JournalDispatchRoute(endpoint, dispatcher, committer);
  }
}
