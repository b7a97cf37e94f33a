package org.caseway.gateway.identity;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The identity index in the database: the {@link IdentityLinks} everything else asks. */
@Configuration(proxyBeanMethods = false)
public class IdentityConfiguration {

  @Bean
  IdentityIndex identityIndex(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
    return new IdentityIndex(new IdentityStore(jdbc), new TransactionTemplate(transactions), clock);
  }

  @Bean
  IdentityLearner identityLearner(
      JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
    return new IdentityLearner(new IdentityStore(jdbc), new TransactionTemplate(transactions), clock);
  }
}
