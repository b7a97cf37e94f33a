package org.caseway.gateway.accept;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.gateway.journal.JournalProperties;
import org.caseway.gateway.journal.JournalRecords;
import org.caseway.gateway.kafka.KafkaBootstrap;
import org.caseway.gateway.support.GatewayClient;
import org.caseway.gateway.support.JournalReader;
import org.caseway.gateway.support.Messages;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * What the accept path guarantees, whatever database is behind it: subclasses choose the database
 * (and add what is specific to them); these tests run against each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Each subclass starts its own broker; stop it when the class is done rather than keep it cached.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class AcceptPathContract {

  static final String MH_TRUST = "northshire-mh-trust";
  private static final int COPIES = 4;

  @LocalServerPort int port;
  @Autowired KafkaBootstrap kafka;
  @Autowired JournalProperties journalProperties;
  @Autowired JdbcClient jdbc;
  @Autowired CasewayValidator validator;

  GatewayClient gateway;
  JournalReader journal;

  @BeforeEach
  void connect() {
    gateway = new GatewayClient(port);
    journal = new JournalReader(kafka.bootstrapServers(), journalProperties.topic());
  }

  @Test
  void acceptsTheExampleJournalsItKeyedBySubjectAndRecordsWhere() {
    Bundle message = Messages.riskFlagRaised();
    String id = message.getIdElement().getIdPart();

    HttpResponse<String> response = gateway.processMessage(gateway.token(MH_TRUST), Messages.json(message));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/fhir+json"));
    assertOkResponseTo(response, message);
    ConsumerRecord<String, String> record = single(journal.recordsOf(id));
    assertThat(record.key()).isEqualTo(Messages.RISK_FLAG_SUBJECT_KEY);
    assertThat(JournalReader.header(record, JournalRecords.EVENT_HEADER)).isEqualTo("risk-flag-raised");
    assertThat(JournalReader.header(record, JournalRecords.SOURCE_HEADER)).isEqualTo(MH_TRUST);
    assertThat(record.value()).isEqualTo(Messages.json(message));
    assertThat(
            jdbc.sql(
                    "SELECT journal_partition, journal_offset FROM accepted_message"
                        + " WHERE message_id = ? AND source_partner = ? AND subject_key = ?")
                .params(id, MH_TRUST, Messages.RISK_FLAG_SUBJECT_KEY)
                .query((row, n) -> List.of(row.getLong(1), row.getLong(2)))
                .single())
        .containsExactly((long) record.partition(), record.offset());
  }

  @Test
  void acknowledgesARepeatedMessageAgainAndJournalsItOnce() {
    Bundle message = Messages.riskFlagRaised();
    String id = message.getIdElement().getIdPart();
    String token = gateway.token(MH_TRUST);

    HttpResponse<String> first = gateway.processMessage(token, Messages.json(message));
    HttpResponse<String> repeat = gateway.processMessage(token, Messages.json(message));

    assertOkResponseTo(first, message);
    assertOkResponseTo(repeat, message);
    assertThat(journal.recordsOf(id)).hasSize(1);
  }

  @Test
  void journalsConcurrentCopiesOfOneMessageOnce() throws Exception {
    Bundle message = Messages.riskFlagRaised();
    String id = message.getIdElement().getIdPart();
    String token = gateway.token(MH_TRUST);
    String json = Messages.json(message);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService senders = Executors.newFixedThreadPool(COPIES);
    try {
      List<Future<HttpResponse<String>>> responses = new ArrayList<>();
      for (int i = 0; i < COPIES; i++) {
        responses.add(
            senders.submit(
                () -> {
                  start.await();
                  return gateway.processMessage(token, json);
                }));
      }
      start.countDown();
      for (Future<HttpResponse<String>> response : responses) {
        assertOkResponseTo(response.get(60, TimeUnit.SECONDS), message);
      }
    } finally {
      senders.shutdownNow();
    }
    assertThat(journal.recordsOf(id)).hasSize(1);
  }

  @Test
  void refusesAMessageThatBreaksTheGuideNamingTheLocationAndWritesNothing() {
    Bundle message = Messages.riskFlagRaised();
    String id = message.getIdElement().getIdPart();
    // 9434765919 is a valid NHS number; 9434765918 fails its modulus-11 check digit.
    String badNhsNumber = Messages.json(message).replace("9434765919", "9434765918");

    HttpResponse<String> response = gateway.processMessage(gateway.token(MH_TRUST), badNhsNumber);

    assertThat(response.statusCode()).isEqualTo(422);
    OperationOutcome outcome = GatewayClient.parse(response, OperationOutcome.class);
    assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode())
        .isEqualTo("MESSAGE_NONCONFORMANT");
    assertThat(outcome.getIssue())
        .filteredOn(OperationOutcomeIssueComponent::hasExpression)
        .anySatisfy(
            issue -> {
              assertThat(issue.getExpression().get(0).getValue())
                  .isEqualTo("Bundle.entry[1].resource.identifier[0].value");
              assertThat(issue.getDiagnostics()).contains("NHS number");
            });
    assertNothingWritten(id);
  }

  /**
   * The response is a FHIR response message acknowledging {@code message} (by its header's id) with
   * code ok, and it conforms to the guide like any other Caseway message.
   */
  void assertOkResponseTo(HttpResponse<String> response, Bundle message) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(validator.validate(response.body()).issues()).isEmpty();
    Bundle bundle = GatewayClient.parse(response, Bundle.class);
    assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.MESSAGE);
    MessageHeader header = Messages.header(bundle);
    assertThat(header.getResponse().getIdentifier()).isEqualTo(Messages.headerId(message));
    assertThat(header.getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.OK);
  }

  void assertNothingWritten(String messageId) {
    assertThat(journal.recordsOf(messageId)).isEmpty();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM accepted_message WHERE message_id = ?")
                .param(messageId)
                .query(Long.class)
                .single())
        .isZero();
  }

  private static <T> T single(List<T> items) {
    assertThat(items).hasSize(1);
    return items.get(0);
  }

}
