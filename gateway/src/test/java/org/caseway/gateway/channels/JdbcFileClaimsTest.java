package org.caseway.gateway.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.caseway.mappings.support.MutableClock;
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

  @Test
  void aClaimItsLivingHolderRenewsIsNotTakenOverHowLongTheFileTakes() {
    assertThat(claims("slow", NOW).add(FILE)).isTrue();

    assertThat(claims("slow", NOW.plus(Duration.ofMinutes(6))).renew()).as("the claims it holds").isEqualTo(1);
    JdbcFileClaims other = claims("other", NOW.plus(Duration.ofMinutes(11)));
    assertThat(other.contains(FILE)).isTrue();
    assertThat(other.add(FILE)).as("renewed 5 minutes ago: still held").isFalse();

    assertThat(claims("other", NOW.plus(Duration.ofMinutes(17))).add(FILE))
        .as("not renewed since: its holder died").isTrue();
  }

  @Test
  void keepsRenewingItsClaimsUntilClosed() {
    MutableClock clock = new MutableClock(NOW);
    try (JdbcFileClaims holder = new JdbcFileClaims(jdbc, "holder", Duration.ofMillis(300), clock)) {
      assertThat(holder.add(FILE)).isTrue();
      clock.advance(Duration.ofMinutes(1));
      JdbcFileClaims other = claims("other", NOW.plus(Duration.ofMinutes(1)), Duration.ofMillis(300));
      assertThat(other.contains(FILE)).as("a minute old, the lease 300 ms: ran out").isFalse();

      holder.keepRenewing();
      await().atMost(Duration.ofSeconds(10)).until(() -> other.contains(FILE));
      assertThat(other.add(FILE)).as("renewed, so held").isFalse();
    }
  }

  @Test
  void oneInstanceAtATimeHasTheTurnToPollAFeedUntilItDiesOrStops() {
    String feed = "northshire-council-in-rest-change-feed";
    assertThat(claims("first", NOW).mayPoll(feed)).isTrue();
    assertThat(claims("second", NOW).mayPoll(feed)).as("the first holds the turn").isFalse();
    assertThat(claims("first", NOW.plus(Duration.ofMinutes(8))).mayPoll(feed)).as("its own turn, renewed").isTrue();
    assertThat(claims("second", NOW.plus(Duration.ofMinutes(17))).mayPoll(feed))
        .as("renewed 9 minutes ago, the lease 10: still held").isFalse();
    assertThat(claims("second", NOW.plus(Duration.ofMinutes(19))).mayPoll(feed))
        .as("not renewed for 11 minutes: its holder died").isTrue();
    assertThat(claims("first", NOW.plus(Duration.ofMinutes(19))).mayPoll(feed)).as("taken over").isFalse();
    assertThat(claims("second", NOW.plus(Duration.ofMinutes(19))).add(FILE))
        .as("a feed's turn and a file are claimed apart").isTrue();

    claims("second", NOW.plus(Duration.ofMinutes(20))).close();

    assertThat(claims("first", NOW.plus(Duration.ofMinutes(20))).mayPoll(feed))
        .as("let go when its holder stopped").isTrue();
    assertThat(claims("first", NOW.plus(Duration.ofMinutes(20))).add(FILE))
        .as("the stopped instance's file claim is not let go with its turns").isFalse();
  }

  private JdbcFileClaims claims(String instance, Instant at, Duration lease) {
    return new JdbcFileClaims(jdbc, instance, lease, Clock.fixed(at, ZoneOffset.UTC));
  }

  private JdbcFileClaims claims(String instance, Instant at) {
    return claims(instance, at, Duration.ofMinutes(10));
  }
}
