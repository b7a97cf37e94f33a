package org.caseway.gateway.kafka;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node KRaft broker that authenticates its clients (SASL/PLAIN, one user per party) and
 * authorises them with ACLs (the standard authoriser, nothing allowed that no ACL allows), as a
 * production cluster would: for the test that shows one partner cannot publish as another.
 */
public final class SaslKafkaBroker implements AutoCloseable {

  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "test-only-admin";

  private final KafkaRaftServer server;
  private final String bootstrapServers;

  private SaslKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  /** @param users user name to password; the admin (a super user) is added */
  public static SaslKafkaBroker start(int port, int controllerPort, Path logDir, Map<String, String> users,
      String... superUsers) {
    KraftStorage.formatIfNeeded(logDir, EmbeddedKafkaBroker.NODE_ID, EmbeddedKafkaBroker.CONTROLLER_LISTENER);
    Map<String, String> props = new HashMap<>(EmbeddedKafkaBroker.brokerProperties("localhost", port, controllerPort, logDir));
    props.put("listeners", "SASL_PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
    props.put("advertised.listeners", "SASL_PLAINTEXT://localhost:" + port);
    props.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("inter.broker.listener.name", "SASL_PLAINTEXT");
    props.put("sasl.enabled.mechanisms", "PLAIN");
    props.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
    StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
        + ADMIN + "\" password=\"" + ADMIN_PASSWORD + "\" user_" + ADMIN + "=\"" + ADMIN_PASSWORD + "\"");
    users.forEach((user, password) -> jaas.append(" user_").append(user).append("=\"").append(password).append("\""));
    props.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas.append(";").toString());
    props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    StringBuilder supers = new StringBuilder("User:" + ADMIN + ";User:ANONYMOUS");
    for (String user : superUsers) {
      supers.append(";User:").append(user);
    }
    // ANONYMOUS: the controller listener is plaintext and internal to this one node.
    props.put("super.users", supers.toString());
    props.put("allow.everyone.if.no.acl.found", "false");
    KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
    server.startup();
    return new SaslKafkaBroker(server, "localhost:" + port);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Client settings authenticating as {@code user}. */
  public static Map<String, Object> clientSettings(String user, String password) {
    return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
        "sasl.jaas.config", jaas(user, password));
  }

  public static String jaas(String user, String password) {
    return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user + "\" password=\""
        + password + "\";";
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }
}
