package org.caseway.gateway.dispatch;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.camel.builder.RouteBuilder;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.identity.IdentityLearner;
import org.caseway.gateway.journal.JournalProperties;
import org.caseway.gateway.kafka.KafkaBootstrap;
import org.caseway.gateway.ledger.DisclosureLedger;
import org.caseway.gateway.ledger.MarkerDisclosures;
import org.caseway.gateway.dispatch.outbox.DeliveryOutbox;
import org.caseway.gateway.dispatch.outbox.DeliveryWorkers;
import org.caseway.gateway.dispatch.outbox.PoisonMessages;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
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
  MessageDispatcher messageDispatcher(
      PolicyEngine engine,
      ImplementationGuide guide,
      IdentityLearner identities,
      PartnerDirectory partners,
      DisclosureLedger ledger,
      MarkerDisclosures markers,
      DeliveryOutbox outbox,
      DeliveryWorkers workers,
      PoisonMessages poison,
      PlatformTransactionManager transactions,
      MeterRegistry meters,
      Clock clock) {
    return new MessageDispatcher(guide.fhirContext(), identities, new RecipientDecisions(engine, partners, meters),
        ledger, markers, outbox, workers, poison, new TransactionTemplate(transactions), clock);
  }

  @Bean
  RouteBuilder journalDispatchRoute(
      DispatchProperties dispatch,
      MessageDispatcher dispatcher,
      KafkaBootstrap kafka,
      JournalProperties journal,
      OffsetCommitter committer) {
    if (!dispatch.enabled()) {
      log.warn("Dispatch is off (caseway.dispatch.enabled=false): accepted messages stay on the journal until it runs");
      return new RouteBuilder() {
        @Override
        public void configure() {}
      };
    }
    String endpoint = KafkaConsumerUris.manualCommit(
        journal.topic(), kafka.bootstrapServers(), dispatch.groupId(), dispatch.maxPollRecords(),
        dispatch.consumers(), dispatch.batchWait().toMillis())
        + kafka.camelOptions().entrySet().stream().map(e -> "&" + e.getKey() + "=" + e.getValue())
            .collect(java.util.stream.Collectors.joining());
    return new JournalDispatchRoute(endpoint, dispatcher, committer);
  }
}
