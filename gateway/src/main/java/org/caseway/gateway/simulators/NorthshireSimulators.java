package org.caseway.gateway.simulators;

import java.time.Clock;
import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.northshire.simulators.CouncilSimulator;
import org.caseway.northshire.simulators.HousingSimulator;
import org.caseway.northshire.simulators.KafkaTopicRecorder;
import org.caseway.northshire.simulators.ProbationSimulator;
import org.caseway.northshire.simulators.TrustSimulator;

/**
 * The running simulators of the Northshire partners' systems: the council's API, housing's SOAP
 * service, the trust's FHIR server, probation on Kafka, and the police integration hub reading the
 * police's outbound topic. Started together, closed together.
 */
public final class NorthshireSimulators implements AutoCloseable {

  public static final String POLICE_TOPIC = "caseway.outbound.northshire-police";

  private final CouncilSimulator council;
  private final HousingSimulator housing;
  private final TrustSimulator trust;
  private final ProbationSimulator probation;
  private final KafkaTopicRecorder policeHub;

  private NorthshireSimulators(CouncilSimulator council, HousingSimulator housing, TrustSimulator trust,
      ProbationSimulator probation, KafkaTopicRecorder policeHub) {
    this.council = council;
    this.housing = housing;
    this.trust = trust;
    this.probation = probation;
    this.policeHub = policeHub;
  }

  /**
   * @param councilApiKey the key the council simulator accepts (partners.yaml's)
   * @param housingUser the Basic credentials the housing simulator accepts (partners.yaml's)
   * @param clock the gateway's clock: it decides when housing's nightly maintenance window is open
   */
  public static NorthshireSimulators start(SimulatorProperties properties, String councilApiKey, String housingUser,
      String housingPassword, CasewayValidator validator, String kafkaBootstrap, Clock clock) {
    CouncilSimulator council = CouncilSimulator.start(properties.councilPort(), councilApiKey);
    HousingSimulator housing = HousingSimulator.start(properties.housingPort(), housingUser, housingPassword,
        properties.housingDelay(), clock);
    housing.knowSampleRoll();
    housing.nightlyMaintenance(properties.housingNightlyMaintenance());
    TrustSimulator trust = TrustSimulator.start(properties.mhTrustPort(), validator);
    ProbationSimulator probation = ProbationSimulator.start(kafkaBootstrap);
    KafkaTopicRecorder policeHub = KafkaTopicRecorder.start(kafkaBootstrap, POLICE_TOPIC, "northshire-police-hub");
    return new NorthshireSimulators(council, housing, trust, probation, policeHub);
  }

  public CouncilSimulator council() {
    return council;
  }

  public HousingSimulator housing() {
    return housing;
  }

  public TrustSimulator trust() {
    return trust;
  }

  public ProbationSimulator probation() {
    return probation;
  }

  public KafkaTopicRecorder policeHub() {
    return policeHub;
  }

  @Override
  public void close() {
    policeHub.close();
    probation.close();
    trust.close();
    housing.close();
    council.close();
  }
}
