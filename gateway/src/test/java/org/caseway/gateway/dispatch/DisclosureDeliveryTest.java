package org.caseway.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseway.gateway.delivery.DeliveryException;
import org.caseway.gateway.delivery.DeliveryTarget;
import org.caseway.gateway.delivery.DeliveryTransport;
import org.caseway.gateway.delivery.DeliveryTransports;
import org.caseway.gateway.partner.Partner;
import org.caseway.gateway.partner.PartnerStatus;
import org.caseway.gateway.policy.Disclosure;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

class DisclosureDeliveryTest {

  private static final Partner PROBATION = new Partner("northshire-probation", "Probation",
      PartnerStatus.ACTIVE, List.of(), List.of(), Map.of("out", Map.of("type", "scripted", "topic", "t")));

  /** Fails as scripted (null = succeed), then succeeds; counts attempts. */
  static final class ScriptedTransport implements DeliveryTransport {
    final Deque<DeliveryException> script = new ArrayDeque<>();
    int attempts;

    @Override
    public String type() {
      return "scripted";
    }

    @Override
    public void deliver(Disclosure disclosure, DeliveryTarget target) {
      attempts++;
      DeliveryException next = script.poll();
      if (next != null) {
        throw next;
      }
    }
  }

  private final ScriptedTransport transport = new ScriptedTransport();
  private final DisclosureDelivery delivery =
      new DisclosureDelivery(new DeliveryTransports(List.of(transport)), 3, Duration.ofMillis(1));

  @Test
  void retriesTransientFailuresThenDelivers() {
    transport.script.add(new DeliveryException(true, "503"));
    transport.script.add(new DeliveryException(true, "503"));

    delivery.deliver(disclosure(), PROBATION, "key", "incident-reported");

    assertThat(transport.attempts).isEqualTo(3);
  }

  @Test
  void givesUpAfterTheLastAttemptSoTheMessageIsTakenAgain() {
    for (int i = 0; i < 3; i++) {
      transport.script.add(new DeliveryException(true, "connection refused"));
    }

    assertThatThrownBy(() -> delivery.deliver(disclosure(), PROBATION, "key", "incident-reported"))
        .isInstanceOf(DeliveryException.class);
    assertThat(transport.attempts).isEqualTo(3);
  }

  @Test
  void doesNotRetryAPermanentRefusal() {
    transport.script.add(new DeliveryException(false, "422"));

    delivery.deliver(disclosure(), PROBATION, "key", "incident-reported");

    assertThat(transport.attempts).isEqualTo(1);
  }

  @Test
  void skipsAPartnerWithoutAnOutChannel() {
    Partner council = new Partner("northshire-council", "Council", PartnerStatus.ACTIVE);

    delivery.deliver(disclosure(), council, "key", "incident-reported");

    assertThat(transport.attempts).isZero();
  }

  private static Disclosure disclosure() {
    Bundle view = new Bundle();
    view.setId("d-1");
    return new Disclosure("ISA-IOM", 1, "IOM", view, Set.of(), List.of(), List.of());
  }
}
