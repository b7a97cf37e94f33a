package org.caseway.adapters.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.component.direct.DirectConsumerNotAvailableException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

class DeliveryFailureTest {

  private static final DefaultExchange EXCHANGE = new DefaultExchange(new DefaultCamelContext());

  @Test
  void aDeliveryFailureIsItselfWithItsFlagAndRetryAfter() {
    DeliveryFailure failure = new DeliveryFailure(true, "council in maintenance", Optional.of(Duration.ofSeconds(30)), null);

    assertThat(DeliveryFailure.classify(failure)).isSameAs(failure);
  }

  @Test
  void aDeliveryFailureAnywhereInTheCauseChainIsItself() {
    DeliveryFailure permanent = new DeliveryFailure(false, "400 from the council");
    Throwable wrapped = new CamelExecutionException("route failed", EXCHANGE,
        new org.apache.camel.CamelExchangeException("split failed", EXCHANGE, permanent));

    assertThat(DeliveryFailure.classify(wrapped)).isSameAs(permanent);
  }

  /** The Javadoc's rule: a DeliveryFailure anywhere wins, even under an exception that is transient by type. */
  @Test
  void aDeliveryFailureUnderAnIoExceptionIsStillItself() {
    DeliveryFailure permanent = new DeliveryFailure(false, "a SOAP Client fault");
    Throwable wrapped = new CamelExecutionException("route failed", EXCHANGE, new IOException("stream closed", permanent));

    DeliveryFailure classified = DeliveryFailure.classify(wrapped);

    assertThat(classified).isSameAs(permanent);
    assertThat(classified.isTransient()).isFalse();
  }

  @Test
  void ioFailuresRetriableKafkaErrorsTimeoutsAndAStoppedRouteAreTransient() {
    assertTransient(new IOException("reset"));
    assertTransient(new CamelExecutionException("x", EXCHANGE, new ConnectException("refused")));
    assertTransient(new NotLeaderOrFollowerException("leader moved"));
    assertTransient(new org.apache.kafka.common.errors.TimeoutException("expired before sent"));
    assertTransient(new CamelExecutionException("x", EXCHANGE, new TimeoutException("no ack")));
    assertTransient(new CamelExecutionException("x", EXCHANGE,
        new DirectConsumerNotAvailableException("No consumers available", EXCHANGE)));
  }

  @Test
  void anythingElseIsPermanentAndKeepsWhatWasThrown() {
    IllegalStateException bug = new IllegalStateException("no such bean");
    DeliveryFailure classified = DeliveryFailure.classify(bug);
    assertThat(classified.isTransient()).isFalse();
    assertThat(classified.getCause()).isSameAs(bug);
    assertThat(classified.getMessage()).isEqualTo("IllegalStateException: no such bean");

    assertThat(DeliveryFailure.classify(new RecordTooLargeException("too large")).isTransient()).isFalse();
  }

  private static void assertTransient(Throwable thrown) {
    DeliveryFailure classified = DeliveryFailure.classify(thrown);
    assertThat(classified.isTransient()).as(thrown.toString()).isTrue();
    assertThat(classified.getCause()).isSameAs(thrown);
  }
}
