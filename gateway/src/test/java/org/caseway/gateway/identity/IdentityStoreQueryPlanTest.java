package org.caseway.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.caseway.gateway.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The identity index is read several times per person for every recipient of every message, so
 * each read must be an index look-up on the embedded default's H2, not a scan of every link.
 */
class IdentityStoreQueryPlanTest {

  private final TestDatabase db = TestDatabase.migrated();

  @Test
  void aLookUpOfTheLinksTouchingAnIdentifierUsesTheIndexOfEachSide() {
    List<Object> params = new ArrayList<>();
    String sql = IdentityStore.touching("link_id, a_system, a_value, b_system, b_value",
        List.of(new AgencyIdentifier("https://id.pnc.police.uk/person", "2019/0412345X")), " AND ended_at IS NULL",
        params);

    String plan = db.jdbc().sql("EXPLAIN " + sql).params(params).query(String.class).single();

    assertThat(plan).containsIgnoringCase("ix_identity_link_a").containsIgnoringCase("ix_identity_link_b")
        .doesNotContainIgnoringCase("tableScan");
  }
}
