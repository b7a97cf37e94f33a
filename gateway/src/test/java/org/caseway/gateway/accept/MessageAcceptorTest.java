package org.caseway.gateway.accept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseway.conformance.MessageEnvelope;
import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.GatewayException;
import org.caseway.gateway.journal.JournalWriter;
import org.caseway.gateway.store.AcceptedMessage;
import org.caseway.gateway.store.AcceptedMessageStore;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The accept step against the real migrations (H2) and a mock broker. */
class MessageAcceptorTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  private final MockProducer<String, String> broker =
      new MockProducer<>(true, new StringSerializer(), new StringSerializer());
  private AcceptedMessageStore store;
  private MessageAcceptor acceptor;

  @BeforeEach
  void freshDatabase() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(
        "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).load().migrate();
    store = new AcceptedMessageStore(JdbcClient.create(dataSource));
    acceptor =
        new MessageAcceptor(
            store,
            new JournalWriter(broker, "caseway.journal", Duration.ofSeconds(5)),
            new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
            Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void journalsAndRecordsAMessageSeenForTheFirstTime() {
    Acceptance acceptance = acceptor.accept(message("msg-1", "northshire-mh-trust"));

    assertThat(acceptance.repeat()).isFalse();
    assertThat(broker.history()).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo("{\"id\":\"msg-1\"}"));
    AcceptedMessage recorded = store.find("msg-1").orElseThrow();
    assertThat(recorded.sourcePartnerId()).isEqualTo("northshire-mh-trust");
    assertThat(recorded.subjectKey()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number|9434765919");
    assertThat(recorded.acceptedAt()).isEqualTo(NOW);
    assertThat(recorded.journalPartition()).isNotNull();
    assertThat(recorded.journalOffset()).isZero();
    assertThat(acceptance.record()).isEqualTo(recorded);
  }

  @Test
  void acknowledgesARepeatWithoutJournalingItAgain() {
    acceptor.accept(message("msg-1", "northshire-mh-trust"));

    Acceptance repeat = acceptor.accept(message("msg-1", "northshire-mh-trust"));

    assertThat(repeat.repeat()).isTrue();
    assertThat(broker.history()).hasSize(1);
    assertThat(repeat.record()).isEqualTo(store.find("msg-1").orElseThrow());
  }

  @Test
  void recordsNothingWhenTheJournalRefusesTheWrite() {
    broker.sendException = new KafkaException("broker down");

    assertThatThrownBy(() -> acceptor.accept(message("msg-1", "northshire-mh-trust")))
        .isInstanceOfSatisfying(
            GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.JOURNAL_UNAVAILABLE));
    assertThat(store.find("msg-1")).isEmpty();
  }

  @Test
  void acceptsAMessageOnRetryAfterTheJournalRecovers() {
    broker.sendException = new KafkaException("broker down");
    assertThatThrownBy(() -> acceptor.accept(message("msg-1", "northshire-mh-trust")))
        .isInstanceOf(GatewayException.class);
    broker.sendException = null;

    Acceptance retry = acceptor.accept(message("msg-1", "northshire-mh-trust"));

    assertThat(retry.repeat()).isFalse();
    assertThat(store.find("msg-1")).isPresent();
  }

  @Test
  void refusesAnotherPartnersMessageIdWithoutWritingAnything() {
    acceptor.accept(message("msg-1", "northshire-mh-trust"));

    assertThatThrownBy(() -> acceptor.accept(message("msg-1", "northshire-probation")))
        .isInstanceOfSatisfying(
            GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MESSAGE_ID_CONFLICT))
        .hasMessageNotContaining("mh-trust");
    assertThat(broker.history()).hasSize(1);
  }

  private static IncomingMessage message(String id, String partnerId) {
    return new IncomingMessage(
        "{\"id\":\"" + id + "\"}",
        new Bundle(),
        new MessageEnvelope(
            id, partnerId, "risk-flag-raised", "https://fhir.nhs.uk/Id/nhs-number|9434765919"));
  }
}
