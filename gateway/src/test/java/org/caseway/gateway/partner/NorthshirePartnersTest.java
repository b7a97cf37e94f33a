package org.caseway.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/** The committed Northshire registry, as the embedded default loads it from the classpath. */
class NorthshirePartnersTest {

  static final List<String> NORTHSHIRE =
      List.of(
          "northshire-police",
          "northshire-council",
          "northshire-housing",
          "northshire-probation",
          "northshire-mh-trust");

  private final PartnerRegistry registry =
      PartnerRegistry.load(new ClassPathResource("caseway/northshire/partners.yaml"));

  @Test
  void listsTheFivePartnersAllActive() {
    assertThat(registry.size()).isEqualTo(5);
    assertThat(NORTHSHIRE).allSatisfy(id -> assertThat(registry.isActive(id)).as(id).isTrue());
    assertThat(registry.find("northshire-mh-trust").orElseThrow().name())
        .isEqualTo("Northshire Mental Health NHS Trust");
  }

  @Test
  void subscriptionsAreTheTableOfAgreementsMd() {
    Partner council = registry.find("northshire-council").orElseThrow();
    assertThat(council.subscribesTo("incident-reported", "ASB")).isTrue();
    assertThat(council.subscribesTo("risk-flag-lifted", "ASB")).isTrue();
    assertThat(council.subscribesTo("incident-reported", "IOM")).isFalse();
    assertThat(council.subscribesTo("case-opened", "ASB")).isFalse();

    Partner housing = registry.find("northshire-housing").orElseThrow();
    assertThat(housing.subscribesTo("case-closed", "ASB")).isTrue();
    assertThat(housing.subscribesTo("case-updated", "ASB")).isFalse();

    Partner police = registry.find("northshire-police").orElseThrow();
    assertThat(List.of("ASB", "IOM", "SAFEGUARDING"))
        .allSatisfy(p -> assertThat(police.subscribesTo("risk-flag-raised", p)).as(p).isTrue());
    assertThat(police.subscribesTo("incident-reported", "ASB")).isFalse();

    Partner probation = registry.find("northshire-probation").orElseThrow();
    assertThat(probation.subscribesTo("iom-cohort-changed", "IOM")).isTrue();
    assertThat(probation.subscribesTo("referral", "IOM")).isTrue();
    assertThat(probation.subscribesTo("referral", "ASB")).isFalse();

    Partner trust = registry.find("northshire-mh-trust").orElseThrow();
    assertThat(trust.subscribesTo("referral", "SAFEGUARDING")).isTrue();
    assertThat(trust.subscribesTo("risk-flag-raised", "SAFEGUARDING")).isFalse();
    assertThat(trust.identifierSystems()).containsExactly("https://fhir.nhs.uk/Id/nhs-number");
  }

  @Test
  void knowsNoOneElse() {
    assertThat(registry.find("northshire-fire")).isEmpty();
    assertThat(registry.isActive("northshire-fire")).isFalse();
  }

  @Test
  void refusesAFileListingAPartnerTwice() {
    ByteArrayResource twice =
        new ByteArrayResource(
            """
            partners:
              - {id: a, name: A, status: active}
              - {id: a, name: A again, status: suspended}
            """
                .getBytes(),
            "twice.yaml");

    assertThatThrownBy(() -> PartnerRegistry.load(twice)).hasMessageContaining("listed twice");
  }

  @Test
  void readsEveryStatus() {
    ByteArrayResource statuses =
        new ByteArrayResource(
            """
            partners:
              - {id: a, name: A, status: onboarding}
              - {id: b, name: B, status: suspended}
              - {id: c, name: C, status: withdrawn}
            """
                .getBytes(),
            "statuses.yaml");

    PartnerRegistry loaded = PartnerRegistry.load(statuses);

    assertThat(loaded.find("a").orElseThrow().status()).isEqualTo(PartnerStatus.ONBOARDING);
    assertThat(loaded.isActive("b")).isFalse();
    assertThat(loaded.find("c").orElseThrow().status()).isEqualTo(PartnerStatus.WITHDRAWN);
  }
}
