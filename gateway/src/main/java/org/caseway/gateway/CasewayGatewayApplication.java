package org.caseway.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Caseway's gateway: wires the contract, the mappings and the adapters into one running exchange. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CasewayGatewayApplication {

  public static void main(String[] args) {
    SpringApplication.run(CasewayGatewayApplication.class, args);
  }
}
