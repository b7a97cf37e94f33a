package org.caseway.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.CasewayValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidatingMapperTest {

  private static final CasewayValidator VALIDATOR = new CasewayValidator(ImplementationGuide.load());

  @Test
  void aGoodMessagePassesAndAnInvalidOneBecomesARecordError() throws Exception {
    Mapper canonical = new ValidatingMapper(Mappings.onClasspath().mapper("canonical"), VALIDATOR);
    String good = new String(getClass().getResourceAsStream(
        "/caseway-mappings/canonical/fixtures/trust-risk-flag-raised/Bundle-example-risk-flag-raised.json").readAllBytes());

    MappingResult passed = canonical.map(MappingInput.ofText("good.json", good, Map.of()));
    MappingResult refused = canonical.map(MappingInput.ofText("bad.json", good.replace("9434765919", "9434765918"), Map.of()));

    assertThat(passed.outputs()).hasSize(1);
    assertThat(passed.errors()).isEmpty();
    assertThat(refused.outputs()).isEmpty();
    assertThat(refused.errors()).singleElement().extracting(RecordError::reason).asString()
        .contains("does not conform to the Caseway profiles").contains("cw-subject-id-nhsNumber");
  }

  @Test
  void partnerPayloadsAreNotValidatedAsFhir(@TempDir Path dir) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("plain"));
    Files.writeString(folder.resolve("mapping.yaml"), "id: plain\nengine: jsonata\noutput: json\nexpression: e.jsonata\n");
    Files.writeString(folder.resolve("e.jsonata"), "{'resourceType': 'Bundle'}");

    MappingResult result = new ValidatingMapper(Mappings.withDirectory(dir).mapper("plain"), VALIDATOR)
        .map(MappingInput.ofText("x.json", "{}", Map.of()));

    assertThat(result.outputs()).hasSize(1);
  }
}
