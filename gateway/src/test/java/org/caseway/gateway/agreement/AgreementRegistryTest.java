package org.caseway.gateway.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.caseway.gateway.policy.scenario.NorthshireAgreements;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Reloading: all or nothing, the previous set stays in force, every version is kept and never changes. */
class AgreementRegistryTest {

  @TempDir Path directory;
  private AgreementRegistry registry;
  private AgreementVersionStore versions;

  @BeforeEach
  void registryOverADirectoryAndAFreshDatabase() throws IOException {
    for (AgreementDocument document : NorthshireAgreements.documents()) {
      Files.writeString(directory.resolve(document.file()), document.text());
    }
    DriverManagerDataSource database = new DriverManagerDataSource(
        "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
    Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
    versions = new AgreementVersionStore(new JdbcTemplate(database),
        Clock.fixed(Instant.parse("2026-11-03T10:00:00Z"), ZoneOffset.UTC));
    registry = new AgreementRegistry(new PathMatchingResourcePatternResolver(),
        directory.toUri() + "*.yaml", NorthshireAgreements.loader(), versions);
  }

  @Test
  void loadsAndRecordsEveryVersion() {
    assertThat(registry.reload().succeeded()).isTrue();

    assertThat(registry.current().agreements()).hasSize(3);
    assertThat(versions.recordedVersions()).containsExactly("ISA-ASB v3", "ISA-IOM v1", "ISA-VUL v2");
  }

  @Test
  void aRefusedReloadLeavesThePreviousSetInForce() throws IOException {
    registry.reload();
    AgreementSet before = registry.current();
    Files.writeString(directory.resolve("isa-asb-v3.yaml"),
        Files.readString(directory.resolve("isa-asb-v3.yaml")).replace("purposes: [ASB]", "purposes: [ANTI-SOCIAL]"));

    AgreementLoader.Result result = registry.reload();

    assertThat(result.succeeded()).isFalse();
    assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.toString())
        .isEqualTo("isa-asb-v3.yaml:14 at purposes[0]: Unknown purpose 'ANTI-SOCIAL'. Fix: Use one of: ASB, IOM, SAFEGUARDING."));
    assertThat(registry.current()).isSameAs(before);
  }

  @Test
  void keepsRetiredVersionsAndAddsNewOnes() throws IOException {
    registry.reload();
    String v3 = Files.readString(directory.resolve("isa-asb-v3.yaml"));
    Files.delete(directory.resolve("isa-asb-v3.yaml"));
    Files.writeString(directory.resolve("isa-asb-v4.yaml"), v3.replace("version: 3", "version: 4"));

    assertThat(registry.reload().succeeded()).isTrue();

    assertThat(registry.current().agreements()).extracting(Agreement::label).contains("ISA-ASB v4").doesNotContain("ISA-ASB v3");
    assertThat(versions.recordedVersions()).containsExactly("ISA-ASB v3", "ISA-ASB v4", "ISA-IOM v1", "ISA-VUL v2");
  }

  @Test
  void refusesAChangedDocumentUnderAVersionAlreadyLoaded() throws IOException {
    registry.reload();
    Path iom = directory.resolve("isa-iom-v1.yaml");
    Files.writeString(iom, Files.readString(iom).replace("share: [identity, case]", "share: [identity, case, contact]"));

    AgreementLoader.Result result = registry.reload();

    assertThat(result.problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("isa-iom-v1.yaml");
      assertThat(p.problem()).contains("ISA-IOM v1 was loaded before with a different text");
      assertThat(p.fix()).contains("next version number");
    });
    assertThat(registry.current().agreements().get(1).rules().get(2).share()).containsExactlyInAnyOrder("identity", "case");
  }
}
