package org.caseway.gateway.channels;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.caseway.adapters.ChannelConfigurationException;
import org.caseway.adapters.ChannelDefinition;
import org.caseway.adapters.Direction;
import org.junit.jupiter.api.Test;

class PartnerChannelDefinitionsTest {

  @Test
  void withAnAuthenticatingBrokerTwoPartnersMayNotShareAnInboundTopic() {
    List<ChannelDefinition> shared = List.of(kafkaIn("northshire-probation", "caseway.inbound"),
        kafkaIn("northshire-youth-justice", "caseway.inbound"));

    assertThatThrownBy(() -> PartnerChannelDefinitions.requireOwnInboundTopics(shared))
        .isInstanceOf(ChannelConfigurationException.class)
        .hasMessageContaining("caseway.inbound")
        .hasMessageContaining("northshire-probation").hasMessageContaining("northshire-youth-justice")
        .hasMessageContaining("own");
  }

  @Test
  void eachPartnerOnItsOwnTopicIsFine() {
    List<ChannelDefinition> own = List.of(kafkaIn("northshire-probation", "caseway.inbound"),
        kafkaIn("northshire-youth-justice", "caseway.inbound.northshire-youth-justice"));

    assertThatCode(() -> PartnerChannelDefinitions.requireOwnInboundTopics(own)).doesNotThrowAnyException();
  }

  @Test
  void aSettingWhosePlaceholderTheDeploymentLeftUnsetNamesThePropertyAndItsEnvironmentVariable() {
    ChannelDefinition unresolved = new ChannelDefinition("northshire-council", Direction.OUT,
        Map.of("type", "rest-push", "url", "${caseway.northshire.council-url}/api/v2/partner-notifications"));
    org.caseway.gateway.partner.PartnerRegistry registry = new org.caseway.gateway.partner.PartnerRegistry(List.of(
        new org.caseway.gateway.partner.Partner("northshire-council", "Council",
            org.caseway.gateway.partner.PartnerStatus.ACTIVE, List.of(), List.of(),
            Map.of("out", unresolved.settings()))));

    assertThatThrownBy(() -> PartnerChannelDefinitions.of(registry, true))
        .isInstanceOf(ChannelConfigurationException.class)
        .hasMessageContaining("caseway.northshire.council-url")
        .hasMessageContaining("CASEWAY_NORTHSHIRE_COUNCIL_URL");
  }

  private static ChannelDefinition kafkaIn(String partner, String topic) {
    return new ChannelDefinition(partner, Direction.IN, Map.of("type", "kafka", "topic", topic));
  }
}
