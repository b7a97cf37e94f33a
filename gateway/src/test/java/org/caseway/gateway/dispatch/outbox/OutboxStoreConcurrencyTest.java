package org.caseway.gateway.dispatch.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.caseway.gateway.dispatch.outbox.DeadLetterLog.Kind;
import org.caseway.gateway.support.TestDatabase;
import org.caseway.gateway.support.Together;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One message dispatched by two at once (a partition handed to another consumer while its old
 * owner is still at it), and one poison message set aside by two at once.
 */
class OutboxStoreConcurrencyTest {

  private JdbcClient jdbc;
  private TransactionTemplate transaction;
  private OutboxStore store;
  private PoisonMessages poison;

  @BeforeEach
  void freshDatabase() {
    TestDatabase db = TestDatabase.migrated();
    jdbc = db.jdbc();
    transaction = db.transactions();
    store = new OutboxStore(jdbc);
    poison = new PoisonMessages(jdbc, transaction, new DeadLetterLog(jdbc));
  }

  @Test
  void aDeliveryEnqueuedByTwoAtOnceIsQueuedOnceAndNeitherFails() {
    for (int i = 0; i < 30; i++) {
      String deliveryId = "delivery-" + i;
      List<Boolean> added = Collections.synchronizedList(new ArrayList<>());

      Together.run(() -> added.add(enqueue(deliveryId)), () -> added.add(enqueue(deliveryId)));

      assertThat(added).as("round %d", i).containsExactlyInAnyOrder(true, false);
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery").query(Integer.class).single()).isEqualTo(30);
  }

  @Test
  void aPoisonMessageSetAsideByTwoAtOnceIsSetAsideOnceWithBothEvents() {
    for (int i = 0; i < 30; i++) {
      String messageId = "poison-" + i;

      Together.run(() -> setAside(messageId, "unreadable"), () -> setAside(messageId, "still unreadable"));

      assertThat(poison.find(messageId)).as("round %d", i).hasValueSatisfying(p -> {
        assertThat(p.state()).isEqualTo("DEAD");
        assertThat(p.reason()).isIn("unreadable", "still unreadable");
      });
      assertThat(jdbc.sql("SELECT COUNT(*) FROM dead_letter_event WHERE letter_id = ? AND kind = ?")
          .params(messageId, Kind.MESSAGE.name()).query(Integer.class).single()).isEqualTo(2);
    }
  }

  private boolean enqueue(String deliveryId) {
    Instant now = Instant.now();
    return Optional.ofNullable(transaction.execute(status -> store.insertIfNew(deliveryId, "message-1",
        "northshire-probation", "person-a", "incident-reported", "ISA-TEST", 3, "IOM", "{}", now))).orElseThrow();
  }

  private void setAside(String messageId, String reason) {
    poison.setAside(messageId, "northshire-police", "person-a", "incident-reported", "{not json", reason, Instant.now());
  }
}
