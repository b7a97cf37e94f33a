package org.caseway.gateway.accept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.caseway.conformance.MessageEnvelope;
import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.GatewayException;
import org.caseway.gateway.partner.Partner;
import org.caseway.gateway.partner.PartnerRegistry;
import org.caseway.gateway.partner.PartnerStatus;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

class SenderCheckTest {

  private final SenderCheck check =
      new SenderCheck(
          new PartnerRegistry(
              List.of(
                  new Partner("northshire-police", "Northshire Police", PartnerStatus.ACTIVE),
                  new Partner("northshire-mh-trust", "Northshire MH Trust", PartnerStatus.ACTIVE),
                  new Partner("northshire-housing", "Northshire Homes", PartnerStatus.SUSPENDED))));

  @Test
  void letsAnActivePartnerSendAsItself() {
    assertThatCode(() -> check.check(messageFrom("northshire-mh-trust"), "northshire-mh-trust"))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesAPartnerSendingAsAnotherWithoutNamingTheOther() {
    assertThatThrownBy(() -> check.check(messageFrom("northshire-mh-trust"), "northshire-police"))
        .isInstanceOfSatisfying(
            GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SENDER_MISMATCH))
        .hasMessageContaining("urn:caseway:partner:northshire-police")
        .hasMessageNotContaining("mh-trust");
  }

  @Test
  void refusesASuspendedPartnerEvenAsItself() {
    assertThatThrownBy(() -> check.check(messageFrom("northshire-housing"), "northshire-housing"))
        .isInstanceOfSatisfying(
            GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PARTNER_NOT_ACTIVE));
  }

  @Test
  void refusesATokenForAPartnerTheRegistryDoesNotKnow() {
    assertThatThrownBy(() -> check.check(messageFrom("someone-else"), "someone-else"))
        .isInstanceOfSatisfying(
            GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PARTNER_NOT_ACTIVE));
  }

  private static IncomingMessage messageFrom(String partnerId) {
    return new IncomingMessage(
        "{}",
        new Bundle(),
        new MessageEnvelope("msg-1", partnerId, "risk-flag-raised", "message|msg-1"));
  }
}
