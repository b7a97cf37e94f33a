package org.caseway.gateway.accept;

import java.time.Clock;
import org.apache.camel.ProducerTemplate;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.gateway.journal.JournalWriter;
import org.caseway.gateway.partner.PartnerDirectory;
import org.caseway.gateway.store.AcceptedMessageStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The accept route and its steps. */
@Configuration(proxyBeanMethods = false)
public class AcceptConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  AcceptMessageRoute acceptMessageRoute(
      ImplementationGuide guide,
      CasewayValidator validator,
      PartnerDirectory partners,
      AcceptedMessageStore store,
      JournalWriter journal,
      PlatformTransactionManager transactions,
      Clock clock,
      AcceptProperties limits) {
    return new AcceptMessageRoute(
        new BundleReader(guide.fhirContext(), validator, new JsonShapeCheck(limits)),
        new SenderCheck(partners),
        new GuideValidation(validator),
        new MessageAcceptor(store, journal, new TransactionTemplate(transactions), clock),
        new ResponseMessageBuilder(clock));
  }

  @Bean
  MessageAcceptance messageAcceptance(ProducerTemplate camel) {
    return new MessageAcceptance(camel);
  }
}
