package org.caseway.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DispatchPropertiesTest {

  @Test
  void refusesFewerThanOneConsumerNamingTheSetting() {
    assertThatThrownBy(() -> new DispatchProperties(true, "caseway-dispatch", 20, 0, Duration.ofMillis(20)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("caseway.dispatch.consumers is 0");
  }

  @Test
  void refusesNoBatchOrNoWaitNamingTheSetting() {
    assertThatThrownBy(() -> new DispatchProperties(true, "caseway-dispatch", 0, 2, Duration.ofMillis(20)))
        .hasMessageContaining("caseway.dispatch.max-poll-records is 0");
    assertThatThrownBy(() -> new DispatchProperties(true, "caseway-dispatch", 20, 2, Duration.ZERO))
        .hasMessageContaining("caseway.dispatch.batch-wait is PT0S");
  }

  @Test
  void theJournalEndpointRunsThatManyConsumersInBatchesCommittingManuallyAndStoppingAtAFailure() {
    String uri = KafkaConsumerUris.manualCommit("caseway.journal", "localhost:9092", "caseway-dispatch", 20, 3, 25);

    assertThat(uri).contains("consumersCount=3", "allowManualCommit=true", "autoCommitEnable=false",
        "breakOnFirstError=true", "batching=true", "maxPollRecords=20", "pollTimeoutMs=25", "batchingIntervalMs=25");
  }
}
