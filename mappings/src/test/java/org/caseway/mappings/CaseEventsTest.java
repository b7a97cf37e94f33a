package org.caseway.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.caseway.mappings.council.CaseEvent;
import org.caseway.mappings.council.CaseEvents;
import org.junit.jupiter.api.Test;

class CaseEventsTest {

  @Test
  void theFirstVersionSeenOpensTheCase() {
    assertThat(CaseEvents.decide("OPEN", 4, OptionalLong.empty())).contains(CaseEvent.CASE_OPENED);
  }

  @Test
  void aLaterVersionUpdatesIt() {
    assertThat(CaseEvents.decide("ON_HOLD", 5, OptionalLong.of(4))).contains(CaseEvent.CASE_UPDATED);
  }

  @Test
  void statusClosedClosesIt_evenWhenFirstSeen() {
    assertThat(CaseEvents.decide("CLOSED", 6, OptionalLong.of(5))).contains(CaseEvent.CASE_CLOSED);
    assertThat(CaseEvents.decide("CLOSED", 1, OptionalLong.empty())).contains(CaseEvent.CASE_CLOSED);
  }

  @Test
  void aVersionAlreadySeenOrOlderGivesNothing() {
    assertThat(CaseEvents.decide("OPEN", 4, OptionalLong.of(4))).isEmpty();
    assertThat(CaseEvents.decide("CLOSED", 3, OptionalLong.of(4))).isEmpty();
  }

  @Test
  void theEventCodesAreTheGuides() {
    assertThat(CaseEvent.CASE_UPDATED.code()).isEqualTo("case-updated");
  }
}
