package org.caseway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.caseway.gateway.journal.JournalProperties;
import org.caseway.gateway.kafka.KafkaBootstrap;
import org.caseway.gateway.support.EmbeddedGatewayProperties;
import org.caseway.gateway.support.FreePorts;
import org.caseway.gateway.support.GatewayClient;
import org.caseway.gateway.support.JournalReader;
import org.caseway.gateway.support.Messages;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default keeps what it accepted across a stop and a start on the same data
 * directory: the journal (Kafka's log) and the record of accepted ids (the H2 file).
 */
class RestartIT {

  private static final String MH_TRUST = "northshire-mh-trust";

  @Test
  void keepsTheJournalAndTheAcceptedIdsAcrossARestart() {
    Path dataDir = EmbeddedGatewayProperties.freshDataDir("restart");
    Bundle message = Messages.riskFlagRaised();
    String id = message.getIdElement().getIdPart();

    try (ConfigurableApplicationContext gateway = start(dataDir)) {
      assertAcknowledged(send(gateway, message), message);
      assertThat(journal(gateway).recordsOf(id)).hasSize(1);
    }

    try (ConfigurableApplicationContext restarted = start(dataDir)) {
      assertThat(journal(restarted).recordsOf(id)).as("journaled before the restart").hasSize(1);

      assertAcknowledged(send(restarted, message), message);

      assertThat(journal(restarted).recordsOf(id)).as("not journaled again").hasSize(1);
    }
  }

  private static ConfigurableApplicationContext start(Path dataDir) {
    // Command-line arguments: they outrank application.yaml. Fresh ports for each start, since the
    // previous broker's sockets may linger in TIME_WAIT; the data directory is what must carry over.
    return new SpringApplicationBuilder(CasewayGatewayApplication.class)
        .run(
            "--caseway.data-dir=" + dataDir,
            "--server.port=0",
            "--caseway.kafka.embedded.port=" + FreePorts.next(),
            "--caseway.kafka.embedded.controller-port=" + FreePorts.next(),
            "--caseway.simulators.council-port=" + FreePorts.next(),
            "--caseway.simulators.housing-port=" + FreePorts.next(),
            "--caseway.simulators.mh-trust-port=" + FreePorts.next(),
            "--caseway.simulators.seed=false");
  }

  private static HttpResponse<String> send(ConfigurableApplicationContext gateway, Bundle message) {
    int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
    GatewayClient client = new GatewayClient(port);
    // A new token each time: the local issuer's key does not survive a restart, by design.
    return client.processMessage(client.token(MH_TRUST), Messages.json(message));
  }

  private static JournalReader journal(ConfigurableApplicationContext gateway) {
    return new JournalReader(
        gateway.getBean(KafkaBootstrap.class).bootstrapServers(),
        gateway.getBean(JournalProperties.class).topic());
  }

  private static void assertAcknowledged(HttpResponse<String> response, Bundle message) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    MessageHeader header = Messages.header(GatewayClient.parse(response, Bundle.class));
    assertThat(header.getResponse().getIdentifier()).isEqualTo(Messages.headerId(message));
    assertThat(header.getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.OK);
  }
}
