package org.caseway.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

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
  private final DisclosureDelivery delivery = new DisclosureDelivery(new DeliveryTransports(List.of(transport)));

  @Test
  void oneAttemptThatSucceedsIsDelivered() {
    DisclosureDelivery.Outcome outcome = delivery.attempt(disclosure(), PROBATION, "key", "incident-reported");

    assertThat(outcome.delivered()).isTrue();
    assertThat(transport.attempts).isEqualTo(1);
  }

  @Test
  void aTransientFailureSaysSoWithTheRecipientsRetryAfter() {
    transport.script.add(new DeliveryException(true, "503", java.util.Optional.of(Duration.ofSeconds(7)), null));

    DisclosureDelivery.Outcome outcome = delivery.attempt(disclosure(), PROBATION, "key", "incident-reported");

    assertThat(outcome.delivered()).isFalse();
    assertThat(outcome.transientFailure()).isTrue();
    assertThat(outcome.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(transport.attempts).as("retrying is the outbox worker's").isEqualTo(1);
  }

  @Test
  void aPermanentRefusalIsNotTransient() {
    transport.script.add(new DeliveryException(false, "422"));

    DisclosureDelivery.Outcome outcome = delivery.attempt(disclosure(), PROBATION, "key", "incident-reported");

    assertThat(outcome.transientFailure()).isFalse();
    assertThat(outcome.reason()).isEqualTo("422");
  }

  @Test
  void aPartnerWithoutAnOutChannelIsAPermanentFailureSayingWhatToDo() {
    Partner council = new Partner("northshire-council", "Council", PartnerStatus.ACTIVE);

    DisclosureDelivery.Outcome outcome = delivery.attempt(disclosure(), council, "key", "incident-reported");

    assertThat(transport.attempts).isZero();
    assertThat(outcome.transientFailure()).isFalse();
    assertThat(outcome.reason()).contains("no out channel").contains("replay");
  }

  private static Disclosure disclosure() {
    Bundle view = new Bundle();
    view.setId("d-1");
    return new Disclosure("ISA-IOM", 1, "IOM", view, Set.of(), List.of(), List.of());
  }
}
