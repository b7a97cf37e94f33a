package org.caseway.gateway.store;

import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the gateway does with its database at start, before anything takes work from it. */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

  /** The bean name that the channels and the delivery workers wait for ({@code @DependsOn}). */
  public static final String CLAIMS_RELEASED = "claimsOfAPreviousLife";

  /** Released as it is made: the configured URL (settings included) says whether that is safe. */
  @Bean(CLAIMS_RELEASED)
  @DependsOnDatabaseInitialization
  ClaimsOfAPreviousLife claimsOfAPreviousLife(JdbcClient jdbc, DataSourceProperties dataSource) {
    ClaimsOfAPreviousLife claims = new ClaimsOfAPreviousLife(jdbc, dataSource.determineUrl());
    claims.release();
    return claims;
  }
}
