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
import org.caseway.gateway.partner.PartnerDirectory;
import org.caseway.gateway.policy.PolicyEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires dispatch to whatever {@link PolicyEngine} bean exists. Without one, dispatch does not
 * start: accepted messages wait on the journal (their offsets uncommitted) until an engine is there.
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
      ObjectProvider<PolicyEngine> engines,
      KafkaBootstrap kafka,
      JournalProperties journal,
      ImplementationGuide guide,
      IdentityLearner identities,
      PartnerDirectory partners,
      DisclosureLedger ledger,
      DeliveryTransports transports,
      DeliveryProperties delivery,
      OffsetCommitter committer,
      MeterRegistry meters,
      Clock clock) {
    PolicyEngine engine = engines.getIfUnique();
    if (!dispatch.enabled() || engine == null) {
      log.warn("Dispatch is off ({}): accepted messages stay on the journal until it runs",
          engine == null ? "no PolicyEngine" : "caseway.dispatch.enabled=false");
      return new RouteBuilder() {
        @Override
        public void configure() {}
      };
    }
    MessageDispatcher dispatcher =
        new MessageDispatcher(guide.fhirContext(), identities, new RecipientDecisions(engine, partners, meters),
            ledger, new DisclosureDelivery(transports, delivery.maxAttempts(), delivery.retryBackoff()),
            partners, clock);
    String endpoint = KafkaConsumerUris.manualCommit(
        journal.topic(), kafka.bootstrapServers(), dispatch.groupId(), dispatch.maxPollRecords());
    return new JournalDispatchRoute(endpoint, dispatcher, committer);
  }
}
