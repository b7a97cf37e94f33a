package org.caseway.gateway.accept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.GatewayException;
import org.caseway.gateway.support.Messages;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class JsonShapeCheckTest {

  private final JsonShapeCheck check =
      new JsonShapeCheck(new AcceptProperties(DataSize.ofMegabytes(1), 3, 12, 50));

  @Test
  void letsTheGuidesExampleThroughUnderTheDefaults() {
    String example = Messages.json(Messages.riskFlagRaised());

    assertThatCode(() -> new JsonShapeCheck(AcceptProperties.defaults()).check(example))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesMoreEntriesThanAllowedNamingTheSetting() {
    String fourEntries = "{\"resourceType\":\"Bundle\",\"entry\":[{},{},{},{}]}";

    assertThatThrownBy(() -> check.check(fourEntries))
        .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MESSAGE_TOO_COMPLEX))
        .hasMessageContaining("more than 3 entries")
        .hasMessageContaining("caseway.accept.max-entries");
  }

  @Test
  void countsOnlyTheBundlesOwnEntries() {
    String nestedEntryArrays =
        "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"entry\":[{},{},{},{}]}},{},{}]}";

    assertThatCode(() -> check.check(nestedEntryArrays)).doesNotThrowAnyException();
  }

  @Test
  void refusesDeepNestingBeforeAnyParserRecursesIntoIt() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);

    assertThatThrownBy(() -> check.check(deep))
        .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MESSAGE_TOO_COMPLEX))
        .hasMessageContaining("deeper than 12 levels")
        .hasMessageContaining("caseway.accept.max-depth");
  }

  @Test
  void refusesAnOverlongString() {
    String longString = "{\"resourceType\":\"Bundle\",\"id\":\"" + "x".repeat(51) + "\"}";

    assertThatThrownBy(() -> check.check(longString))
        .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MESSAGE_TOO_COMPLEX))
        .hasMessageContaining("longer than 50 characters");
  }

  @Test
  void leavesMalformedJsonToTheFhirParser() {
    assertThatCode(() -> check.check("{\"resourceType\": ")).doesNotThrowAnyException();
  }

  @Test
  void refusesAPropertyNameNoFhirElementHasSayingWhere() {
    // Found by the fuzzer: HAPI's parser throws StringIndexOutOfBoundsException on such a name.
    String strayName = "{\"resourceType\":\"Bundle\",\n \" id\":\"x\"}";

    assertThatThrownBy(() -> check.check(strayName))
        .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MESSAGE_UNREADABLE))
        .hasMessageContaining("' id'")
        .hasMessageContaining("line 2");
  }

  @Test
  void letsFhirPrimitiveExtensionNamesThrough() {
    String primitiveExtension = "{\"resourceType\":\"Patient\",\"_birthDate\":{\"extension\":[]}}";

    assertThatCode(() -> check.check(primitiveExtension)).doesNotThrowAnyException();
  }
}
