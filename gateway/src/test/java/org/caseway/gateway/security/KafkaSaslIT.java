package org.caseway.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseway.gateway.kafka.SaslKafkaBroker;
import org.caseway.gateway.policy.scenario.MessageBuilder;
import org.caseway.gateway.support.EmbeddedGatewayProperties;
import org.caseway.gateway.support.FreePorts;
import org.caseway.gateway.support.JournalReader;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Kafka as production runs it: the broker authenticates every client (SASL) and its ACLs decide
 * who may write which topic. The gateway authenticates as itself; probation and the youth justice
 * service each may write only their own inbound topic. A consumer cannot see who wrote a record, so
 * the topic is the proof of the sender: the youth justice service cannot write probation's topic
 * (the broker refuses), and a message it writes on its own topic naming probation, in the header and
 * as the message's source, is refused as not its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class KafkaSaslIT {

  static final String GATEWAY = "caseway-gateway";
  static final String PROBATION = "northshire-probation";
  static final String YOUTH_JUSTICE = "northshire-youth-justice";
  static final Map<String, String> PASSWORDS = Map.of(GATEWAY, "test-only-gateway", PROBATION, "test-only-probation",
      YOUTH_JUSTICE, "test-only-yjs");
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Path DATA_DIR = EmbeddedGatewayProperties.freshDataDir("kafka-sasl");
  private static final SaslKafkaBroker broker =
      SaslKafkaBroker.start(FreePorts.next(), FreePorts.next(), DATA_DIR.resolve("broker"), PASSWORDS, GATEWAY);

  /** The Northshire partners, and a youth justice service on Kafka with an inbound topic of its own. */
  private static final String YOUTH_JUSTICE_ENTRY = """
        - id: northshire-youth-justice
          name: Northshire Youth Justice Service
          status: active
          channels:
            in: {type: kafka, topic: caseway.inbound.northshire-youth-justice}
      """;

  static {
    grant(PROBATION, "caseway.inbound");
    grant(YOUTH_JUSTICE, "caseway.inbound." + YOUTH_JUSTICE);
  }

  private static Path partnersFile() {
    try (java.io.InputStream northshire = KafkaSaslIT.class.getClassLoader()
        .getResourceAsStream("caseway/northshire/partners.yaml")) {
      Path file = DATA_DIR.resolve("partners.yaml");
      java.nio.file.Files.createDirectories(DATA_DIR);
      java.nio.file.Files.writeString(file, new String(northshire.readAllBytes(), StandardCharsets.UTF_8)
          + YOUTH_JUSTICE_ENTRY);
      return file;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void authenticatedKafka(DynamicPropertyRegistry registry) {
    EmbeddedGatewayProperties.register(registry, DATA_DIR);
    registry.add("caseway.kafka.embedded.enabled", () -> "false");
    registry.add("caseway.kafka.bootstrap-servers", broker::bootstrapServers);
    registry.add("caseway.kafka.security.protocol", () -> "SASL_PLAINTEXT");
    registry.add("caseway.kafka.security.sasl-mechanism", () -> "PLAIN");
    registry.add("caseway.kafka.security.sasl-jaas-config", () -> SaslKafkaBroker.jaas(GATEWAY, PASSWORDS.get(GATEWAY)));
    registry.add("caseway.journal.replication-factor", () -> "1");
    Path partners = partnersFile();
    registry.add("caseway.partners.file", () -> partners.toUri().toString());
    registry.add("caseway.simulators.enabled", () -> "false");
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Autowired JdbcClient jdbc;

  @Test
  void probationsOwnMessageOnItsOwnTopicIsAcceptedAndAcknowledged() throws Exception {
    Bundle cohort = MessageBuilder.example("iom-cohort-changed").fresh().build();

    publish(PROBATION, "caseway.inbound", PROBATION, MessageBuilder.json(cohort));

    ConsumerRecord<String, String> ack = awaitAck(PROBATION, cohort);
    assertThat(ack.value()).contains("\"code\":\"ok\"");
    assertThat(accepted(cohort)).isTrue();
  }

  @Test
  void anotherPartnerCannotWriteProbationsTopic() {
    Bundle cohort = MessageBuilder.example("iom-cohort-changed").fresh().build();

    assertThatThrownBy(() -> publish(YOUTH_JUSTICE, "caseway.inbound", PROBATION, MessageBuilder.json(cohort)))
        .hasCauseInstanceOf(TopicAuthorizationException.class);
    assertThat(accepted(cohort)).isFalse();
  }

  @Test
  void aMessageNamingProbationOnAnotherPartnersOwnTopicIsRefusedAsNotItsSenders() throws Exception {
    Bundle posing = MessageBuilder.example("iom-cohort-changed").fresh().build();

    publish(YOUTH_JUSTICE, "caseway.inbound." + YOUTH_JUSTICE, PROBATION, MessageBuilder.json(posing));

    ConsumerRecord<String, String> ack = awaitAck(YOUTH_JUSTICE, posing);
    assertThat(ack.value()).contains("\"code\":\"fatal-error\"").contains("SENDER_MISMATCH");
    assertThat(accepted(posing)).isFalse();
  }

  // ---- the machinery ----

  private static void grant(String user, String topic) {
    Map<String, Object> config = new HashMap<>(SaslKafkaBroker.clientSettings(SaslKafkaBroker.ADMIN,
        SaslKafkaBroker.ADMIN_PASSWORD));
    config.put("bootstrap.servers", broker.bootstrapServers());
    try (Admin admin = Admin.create(config)) {
      admin.createAcls(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
          new AccessControlEntry("User:" + user, "*", AclOperation.WRITE, AclPermissionType.ALLOW))))
          .all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Could not grant " + user + " write on " + topic, e);
    }
  }

  private static void publish(String user, String topic, String header, String json) throws Exception {
    Map<String, Object> config = new HashMap<>(SaslKafkaBroker.clientSettings(user, PASSWORDS.get(user)));
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      producer.send(new ProducerRecord<String, String>(topic, null, (String) null, json,
          List.of(new RecordHeader("caseway-partner", header.getBytes(StandardCharsets.UTF_8))))).get(30, TimeUnit.SECONDS);
    }
  }

  private ConsumerRecord<String, String> awaitAck(String partner, Bundle message) {
    String headerId = org.caseway.gateway.support.Messages.headerId(message);
    JournalReader acks = new JournalReader(broker.bootstrapServers(), "caseway.acks." + partner,
        SaslKafkaBroker.clientSettings(SaslKafkaBroker.ADMIN, SaslKafkaBroker.ADMIN_PASSWORD));
    return await().atMost(WAIT).until(() -> acks.readAll().stream()
        .filter(r -> r.value().contains(headerId) || r.value().contains(message.getIdElement().getIdPart()))
        .findFirst().orElse(null), r -> r != null);
  }

  private boolean accepted(Bundle message) {
    return jdbc.sql("SELECT COUNT(*) FROM accepted_message WHERE message_id = ?")
        .param(message.getIdElement().getIdPart()).query(Integer.class).single() == 1;
  }
}
