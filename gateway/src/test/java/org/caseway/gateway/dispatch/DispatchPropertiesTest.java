package org.caseway.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DispatchPropertiesTest {

  @Test
  void refusesFewerThanOneConsumerNamingTheSetting() {
    assertThatThrownBy(() -> new DispatchProperties(true, "caseway-dispatch", 20, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("caseway.dispatch.consumers is 0");
  }

  @Test
  void theJournalEndpointRunsThatManyConsumersCommittingManuallyAndStoppingAtAFailure() {
    String uri = KafkaConsumerUris.manualCommit("caseway.journal", "localhost:9092", "caseway-dispatch", 20, 3);

    assertThat(uri).contains("consumersCount=3", "allowManualCommit=true", "autoCommitEnable=false",
        "breakOnFirstError=true");
  }
}
