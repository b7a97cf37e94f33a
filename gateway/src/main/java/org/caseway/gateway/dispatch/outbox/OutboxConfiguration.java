package org.caseway.gateway.dispatch.outbox;

import ca.uhn.fhir.context.FhirContext;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.gateway.delivery.DeliveryProperties;
import org.caseway.gateway.delivery.DeliveryTransports;
import org.caseway.gateway.dispatch.DisclosureDelivery;
import org.caseway.gateway.dispatch.MessageDispatcher;
import org.caseway.gateway.partner.Partner;
import org.caseway.gateway.partner.PartnerDirectory;
import org.caseway.gateway.store.StoreConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The delivery outbox, its workers and the dead-letter store. */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

  private static final Logger log = LoggerFactory.getLogger(OutboxConfiguration.class);

  @Bean
  OutboxStore outboxStore(JdbcClient jdbc) {
    return new OutboxStore(jdbc);
  }

  @Bean
  DeadLetterLog deadLetterLog(JdbcClient jdbc) {
    return new DeadLetterLog(jdbc);
  }

  @Bean
  DeliveryOutbox deliveryOutbox(OutboxStore store, ImplementationGuide guide) {
    return new DeliveryOutbox(store, guide.fhirContext());
  }

  @Bean
  PoisonMessages poisonMessages(JdbcClient jdbc, PlatformTransactionManager transactions, DeadLetterLog events) {
    return new PoisonMessages(jdbc, new TransactionTemplate(transactions), events);
  }

  /** After the claims a killed predecessor left are released (where that is safe). */
  @Bean(destroyMethod = "close")
  @DependsOn(StoreConfiguration.CLAIMS_RELEASED)
  DeliveryWorkers deliveryWorkers(OutboxStore store, DeadLetterLog events, PlatformTransactionManager transactions,
      DeliveryTransports transports, PartnerDirectory partners, ImplementationGuide guide, DeliveryProperties settings,
      Clock clock) {
    FhirContext fhir = guide.fhirContext();
    DisclosureDelivery delivery = new DisclosureDelivery(transports);
    Backoff backoff = new Backoff(settings.retryBackoff(), settings.maxBackoff(),
        max -> max <= 0 ? 0 : ThreadLocalRandom.current().nextLong(max + 1));
    String instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, DeliveryWorker> workers = new LinkedHashMap<>();
    List<DeliveryLanes> lanes = new ArrayList<>();
    for (Partner partner : partners.all()) {
      DeliveryLanes partnerLanes = DeliveryLanes.of(partner.id(), settings.lanesFor(partner.id()));
      lanes.add(partnerLanes);
      workers.put(partner.id(), new DeliveryWorker(partner.id(), store, events, new TransactionTemplate(transactions),
          delivery, partners, fhir, backoff, settings, instance, clock, partnerLanes));
    }
    return new DeliveryWorkers(workers, lanes);
  }

  /** Workers start once every route (the channels they deliver through) is running. */
  @Bean
  ApplicationListener<ApplicationReadyEvent> deliveryWorkersStart(DeliveryWorkers workers, DeliveryProperties settings) {
    return ready -> {
      if (settings.workersEnabled()) {
        workers.start();
      } else {
        log.warn("Delivery is off on this instance (caseway.delivery.workers-enabled=false)");
      }
    };
  }

  @Bean
  DeadLetters deadLetters(OutboxStore store, PoisonMessages poison, DeadLetterLog events,
      PlatformTransactionManager transactions, MessageDispatcher dispatcher, DeliveryWorkers workers, Clock clock) {
    return new DeadLetters(store, poison, events, new TransactionTemplate(transactions), dispatcher::dispatch, workers,
        clock);
  }
}
