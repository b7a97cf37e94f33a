package org.caseway.gateway.crash;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.gateway.kafka.EmbeddedKafkaBroker;
import org.caseway.gateway.support.FreePorts;
import org.caseway.northshire.simulators.CouncilSimulator;
import org.caseway.northshire.simulators.HousingSimulator;
import org.caseway.northshire.simulators.KafkaTopicRecorder;
import org.caseway.northshire.simulators.TrustSimulator;

/**
 * What must outlive a killed gateway, in the test's own JVM: the Kafka broker (journal and
 * partner topics) and the Northshire partners' systems, each recording what it received: the
 * council's API, housing's SOAP service, the trust's FHIR server, and the consumers of the police's
 * and probation's outbound topics. {@link #gatewayProperties} points a gateway process at them.
 */
final class PartnerSystems implements AutoCloseable {

  static final String COUNCIL_KEY = "local-only-council-api-key";
  static final String HOUSING_USER = "caseway";
  static final String HOUSING_PASSWORD = "local-only-housing-password";
  static final String POLICE_TOPIC = "caseway.outbound.northshire-police";
  static final String PROBATION_TOPIC = "caseway.outbound.northshire-probation";

  final EmbeddedKafkaBroker kafka;
  final CouncilSimulator council;
  final HousingSimulator housing;
  final TrustSimulator trust;
  final KafkaTopicRecorder policeHub;
  final KafkaTopicRecorder probation;

  private PartnerSystems(EmbeddedKafkaBroker kafka, CouncilSimulator council, HousingSimulator housing,
      TrustSimulator trust, KafkaTopicRecorder policeHub, KafkaTopicRecorder probation) {
    this.kafka = kafka;
    this.council = council;
    this.housing = housing;
    this.trust = trust;
    this.policeHub = policeHub;
    this.probation = probation;
  }

  /** Starts the broker (log under {@code dataDir/kafka}) and the partners' systems on free ports. */
  static PartnerSystems start(Path dataDir) {
    EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start("localhost", FreePorts.next(), FreePorts.next(),
        dataDir.resolve("kafka"));
    CouncilSimulator council = CouncilSimulator.start(FreePorts.next(), COUNCIL_KEY);
    HousingSimulator housing = HousingSimulator.start(FreePorts.next(), HOUSING_USER, HOUSING_PASSWORD,
        Duration.ZERO, Clock.fixed(java.time.Instant.parse("2026-11-03T12:00:00Z"), java.time.ZoneOffset.UTC));
    housing.knowSampleRoll();
    CasewayValidator validator = new CasewayValidator(ImplementationGuide.load());
    validator.warmUp();
    TrustSimulator trust = TrustSimulator.start(FreePorts.next(), validator);
    KafkaTopicRecorder policeHub = KafkaTopicRecorder.start(kafka.bootstrapServers(), POLICE_TOPIC, "crash-police-hub");
    KafkaTopicRecorder probation = KafkaTopicRecorder.start(kafka.bootstrapServers(), PROBATION_TOPIC, "crash-probation");
    return new PartnerSystems(kafka, council, housing, trust, policeHub, probation);
  }

  /**
   * The settings that make a gateway process use these systems: the broker as an external cluster
   * (its own embedded one off), no simulators of its own, partners.yaml's placeholders pointing
   * here, the drop folders under {@code dropRoot}.
   */
  Map<String, String> gatewayProperties(Path dropRoot) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("caseway.kafka.embedded.enabled", "false");
    properties.put("caseway.kafka.bootstrap-servers", kafka.bootstrapServers());
    properties.put("caseway.simulators.enabled", "false");
    properties.put("caseway.northshire.police-drop", dropRoot.resolve("police").toString());
    properties.put("caseway.northshire.housing-drop", dropRoot.resolve("housing").toString());
    properties.put("caseway.northshire.council-url", council.baseUrl());
    properties.put("caseway.northshire.council-api-key", COUNCIL_KEY);
    properties.put("caseway.northshire.council-poll-interval", "1s");
    properties.put("caseway.northshire.housing-url", housing.baseUrl());
    properties.put("caseway.northshire.housing-username", HOUSING_USER);
    properties.put("caseway.northshire.housing-password", HOUSING_PASSWORD);
    properties.put("caseway.northshire.mh-trust-fhir-base", trust.fhirBase());
    return properties;
  }

  @Override
  public void close() {
    probation.close();
    policeHub.close();
    trust.close();
    housing.close();
    council.close();
    kafka.close();
  }
}
