package org.caseway.gateway.ledger;

import org.caseway.gateway.identity.IdentityLinks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
public class LedgerConfiguration {

  @Bean
  DisclosureLedger disclosureLedger(
      JdbcClient jdbc, PlatformTransactionManager transactions, IdentityLinks identities) {
    return new DisclosureLedger(jdbc, new TransactionTemplate(transactions), identities);
  }
}
