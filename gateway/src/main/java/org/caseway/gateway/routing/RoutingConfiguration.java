package org.caseway.gateway.routing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class RoutingConfiguration {

  @Bean
  RouteFailureLogger routeFailureLogger() {
    return new RouteFailureLogger();
  }

  @Bean
  GatewayRouteConfiguration gatewayRouteConfiguration(RouteFailureLogger failureLogger) {
    return new GatewayRouteConfiguration(failureLogger);
  }
}
