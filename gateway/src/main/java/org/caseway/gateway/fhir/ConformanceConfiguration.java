package org.caseway.gateway.fhir;

import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.CasewayValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The contract, loaded once: the implementation guide, its validator, and FHIR JSON for HTTP. */
@Configuration(proxyBeanMethods = false)
public class ConformanceConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ConformanceConfiguration.class);

  @Bean
  ImplementationGuide implementationGuide() {
    return ImplementationGuide.load();
  }

  /**
   * Built once and warmed here, at start-up, so that no partner's first message pays for it; the
   * fast path then compiles in the background (the full validator answers until it is ready).
   */
  @Bean
  CasewayValidator casewayValidator(ImplementationGuide guide, ValidationProperties validation) {
    long started = System.nanoTime();
    CasewayValidator validator = new CasewayValidator(guide,
        validation.fastPath() ? CasewayValidator.Mode.FAST_PATH : CasewayValidator.Mode.FULL_ALWAYS);
    validator.warmUp();
    log.info("Validator warmed up in {} ms (fast path {})", (System.nanoTime() - started) / 1_000_000,
        validation.fastPath() ? "compiling in the background" : "off: caseway.validation.fast-path=false");
    return validator;
  }

  @Bean
  FhirJson fhirJson(ImplementationGuide guide) {
    return new FhirJson(guide.fhirContext());
  }

  @Bean
  FhirResponses fhirResponses(FhirJson json) {
    return new FhirResponses(json);
  }
}
