package org.caseway.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.caseway.mappings.csv.LocalTimes;
import org.caseway.mappings.csv.NhsNumbers;
import org.caseway.mappings.csv.Normalisers;
import org.junit.jupiter.api.Test;

class ValuesTest {

  @Test
  void idsAreRfc4122Version5InCasewaysNamespace() {
    // Computed independently: Python's uuid.uuid5(uuid.uuid5(NAMESPACE_URL, 'https://caseway.example/id'), name).
    assertThat(NameBasedIds.CASEWAY_NAMESPACE).hasToString("096f59ed-c60e-5b07-8192-1ffba971740a");
    assertThat(NameBasedIds.of("northshire-police/subject/N0048213")).isEqualTo("b96e5c3a-8440-51bc-b005-cea505919dc6");
  }

  @Test
  void postcodesInAnySpacingOrCase() {
    assertThat(Normalisers.postcode("nn7 4qt")).isEqualTo("NN7 4QT");
    assertThat(Normalisers.postcode("NN74QT")).isEqualTo("NN7 4QT");
    assertThat(Normalisers.postcode(" sw1a  1aa ")).isEqualTo("SW1A 1AA");
    assertThat(Normalisers.postcode("m1 1ae")).isEqualTo("M1 1AE");
    assertThatThrownBy(() -> Normalisers.postcode("Kettleby")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nhsNumbersNeedTheirCheckDigit() {
    assertThat(NhsNumbers.isValid("9434765919")).isTrue();
    assertThat(NhsNumbers.isValid("9434765918")).isFalse();
    assertThat(NhsNumbers.isValid("943476591")).isFalse();
  }

  @Test
  void londonTimesAcrossBothClockChanges() {
    ZoneId london = ZoneId.of("Europe/London");
    var format = LocalTimes.strict("dd/MM/yyyy HH:mm");
    assertThat(LocalTimes.instant("29/03/2026 00:59", format, london)).isEqualTo("2026-03-29T00:59:00+00:00");
    assertThat(LocalTimes.instant("29/03/2026 01:30", format, london)).as("the missing hour: clock not yet put forward")
        .isEqualTo("2026-03-29T02:30:00+01:00");
    assertThat(LocalTimes.instant("25/10/2026 01:30", format, london)).as("the repeated hour: the earlier, still summer time")
        .isEqualTo("2026-10-25T01:30:00+01:00");
    assertThat(LocalTimes.instant("25/10/2026 02:00", format, london)).isEqualTo("2026-10-25T02:00:00+00:00");
    assertThatThrownBy(() -> LocalTimes.instant("31/02/2026 09:00", format, london)).isInstanceOf(RuntimeException.class);
  }
}
