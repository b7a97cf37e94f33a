package org.caseway.gateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.CasewayValidator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The validator as the gateway builds it: the fast path on by default, off when told. */
class ConformanceConfigurationTest {

  private final ApplicationContextRunner gateway = new ApplicationContextRunner()
      .withUserConfiguration(ConformanceConfiguration.class, Properties.class);

  @EnableConfigurationProperties(ValidationProperties.class)
  static class Properties {}

  @Test
  void theFastPathCompilesInTheBackgroundAfterTheWarmUpAndIsUsed() {
    gateway.run(context -> {
      CasewayValidator validator = context.getBean(CasewayValidator.class);
      await().atMost(Duration.ofMinutes(2)).until(validator::fastPathReady);
      assertThat(validator.validate(ImplementationGuide.load().examples().values().iterator().next()).issues())
          .isEmpty();
    });
  }

  @Test
  void offEveryMessageGoesThroughTheFullValidator() {
    gateway.withPropertyValues("caseway.validation.fast-path=false").run(context -> {
      CasewayValidator validator = context.getBean(CasewayValidator.class);
      validator.validate(ImplementationGuide.load().examples().values().iterator().next());
      assertThat(validator.fastPathReady()).isFalse();
    });
  }
}
