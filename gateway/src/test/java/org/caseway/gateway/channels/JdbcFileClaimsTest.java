package org.caseway.gateway.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.caseway.gateway.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcFileClaimsTest {

  private static final String FILE = "/drop/police/ASB_EXPORT_20261103091500.csv";
  private static final Instant NOW = Instant.parse("2026-11-03T10:00:00Z");

  private final JdbcClient jdbc = TestDatabase.migrated().jdbc();

  @Test
  void aFileOneInstanceHasClaimedCannotBeClaimedByAnotherUntilItLetsGo() {
    JdbcFileClaims first = claims("first", NOW);
    JdbcFileClaims second = claims("second", NOW);

    assertThat(first.add(FILE)).isTrue();
    assertThat(second.add(FILE)).isFalse();
    assertThat(second.contains(FILE)).isTrue();
    assertThat(second.remove(FILE)).as("only its holder lets go").isFalse();

    assertThat(first.remove(FILE)).isTrue();
    assertThat(second.add(FILE)).isTrue();
  }

  @Test
  void theClaimOfAnInstanceThatDiedIsTakenOverOnceItsLeaseRunsOut() {
    assertThat(claims("died", NOW).add(FILE)).isTrue();

    assertThat(claims("survivor", NOW.plus(Duration.ofMinutes(9))).add(FILE)).isFalse();
    JdbcFileClaims later = claims("survivor", NOW.plus(Duration.ofMinutes(11)));
    assertThat(later.contains(FILE)).isFalse();
    assertThat(later.add(FILE)).isTrue();
    assertThat(later.remove(FILE)).isTrue();
  }

  private JdbcFileClaims claims(String instance, Instant at) {
    return new JdbcFileClaims(jdbc, instance, Duration.ofMinutes(10), Clock.fixed(at, ZoneOffset.UTC));
  }
}
