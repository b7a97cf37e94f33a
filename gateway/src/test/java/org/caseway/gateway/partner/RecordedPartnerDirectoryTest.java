package org.caseway.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.GatewayException;
import org.caseway.gateway.support.TestDatabase;
import org.junit.jupiter.api.Test;

class RecordedPartnerDirectoryTest {

  private final TestDatabase db = TestDatabase.migrated();
  private final PartnerRegistry file = new PartnerRegistry(List.of(
      new Partner("northshire-police", "Police", PartnerStatus.ACTIVE),
      new Partner("northshire-newcomer", "Newcomer", PartnerStatus.ONBOARDING)));

  @Test
  void aChangeTakesEffectAtOnceAndSurvivesARestartOverTheFile() {
    directory().change("northshire-police", StatusAction.SUSPEND, "dsm (northshire-data-sharing-manager)", " audit ");

    RecordedPartnerDirectory afterRestart = directory();

    assertThat(afterRestart.isActive("northshire-police")).isFalse();
    assertThat(afterRestart.find("northshire-police").orElseThrow().status()).isEqualTo(PartnerStatus.SUSPENDED);
    assertThat(afterRestart.history("northshire-police")).singleElement().satisfies(c -> {
      assertThat(c.from()).isEqualTo(PartnerStatus.ACTIVE);
      assertThat(c.to()).isEqualTo(PartnerStatus.SUSPENDED);
      assertThat(c.changedBy()).isEqualTo("dsm (northshire-data-sharing-manager)");
      assertThat(c.reason()).isEqualTo("audit");
    });
  }

  @Test
  void aPartnerWithNoRecordedChangeHasTheFilesStatus() {
    assertThat(directory().find("northshire-newcomer").orElseThrow().status()).isEqualTo(PartnerStatus.ONBOARDING);
  }

  @Test
  void reinstatesASuspendedPartnerButNeverAWithdrawnOne() {
    RecordedPartnerDirectory directory = directory();
    directory.change("northshire-police", StatusAction.SUSPEND, "dsm", "audit");
    directory.change("northshire-police", StatusAction.REINSTATE, "dsm", "audit closed");
    assertThat(directory.isActive("northshire-police")).isTrue();

    directory.change("northshire-police", StatusAction.WITHDRAW, "dsm", "left");

    assertThatThrownBy(() -> directory.change("northshire-police", StatusAction.REINSTATE, "dsm", "back"))
        .isInstanceOfSatisfying(GatewayException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.STATUS_CHANGE_NOT_ALLOWED));
    assertThat(directory.history("northshire-police")).hasSize(3);
  }

  @Test
  void refusesAChangeWithoutAReasonOrForAnUnknownPartner() {
    assertThatThrownBy(() -> directory().change("northshire-police", StatusAction.SUSPEND, "dsm", " "))
        .isInstanceOfSatisfying(GatewayException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.ADMIN_REQUEST_INVALID));
    assertThatThrownBy(() -> directory().change("nobody", StatusAction.SUSPEND, "dsm", "x"))
        .isInstanceOfSatisfying(GatewayException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    assertThat(directory().isActive("northshire-police")).isTrue();
  }

  private RecordedPartnerDirectory directory() {
    return new RecordedPartnerDirectory(file, new PartnerStatusStore(db.jdbc()), db.transactions(), Clock.systemUTC());
  }
}
