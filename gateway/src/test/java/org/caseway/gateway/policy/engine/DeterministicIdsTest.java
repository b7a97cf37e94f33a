package org.caseway.gateway.policy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeterministicIdsTest {

  @Test
  void theSameNameGivesTheSameVersion5Uuid() {
    UUID id = UUID.fromString(DeterministicIds.of("message-1|northshire-council|ISA-ASB|3"));

    assertThat(DeterministicIds.of("message-1|northshire-council|ISA-ASB|3")).isEqualTo(id.toString());
    assertThat(id.version()).isEqualTo(5);
    assertThat(id.variant()).isEqualTo(2);
  }

  @Test
  void anotherRecipientOrVersionGivesAnotherId() {
    String council = DeterministicIds.of("message-1|northshire-council|ISA-ASB|3");

    assertThat(DeterministicIds.of("message-1|northshire-housing|ISA-ASB|3")).isNotEqualTo(council);
    assertThat(DeterministicIds.of("message-1|northshire-council|ISA-ASB|4")).isNotEqualTo(council);
  }
}
