package org.caseway.mappings.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.caseway.mappings.json.JsonataTemplate.RecordRefused;
import org.junit.jupiter.api.Test;

class JsonataTemplateTest {

  @Test
  void aValueCasewaysFunctionsRefuseRefusesTheRecordNotTheInput() {
    // Found by CouncilFeedFuzzTest: $postcode's IllegalArgumentException left the mapper unwrapped,
    // and the poller then retried the whole council page for ever.
    JsonataTemplate template = JsonataTemplate.compile("t.jsonata", "{'postalCode': $postcode(postcode)}");

    assertThatThrownBy(() -> template.evaluate(Map.of("postcode", "NN7"), Map.of()))
        .isInstanceOf(RecordRefused.class)
        .hasMessage("the mapping t.jsonata failed on this record: a value is not a UK postcode (expected e.g. NN7 4QT)");
  }

  @Test
  void aGoodValueStillMaps() {
    JsonataTemplate template = JsonataTemplate.compile("t.jsonata", "{'postalCode': $postcode(postcode)}");

    assertThat(template.evaluate(Map.of("postcode", "nn74qt"), Map.of())).isEqualTo(Map.of("postalCode", "NN7 4QT"));
  }
}
