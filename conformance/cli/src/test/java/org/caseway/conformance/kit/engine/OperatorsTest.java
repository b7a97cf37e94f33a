package org.caseway.conformance.kit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.TestScript.AssertionOperatorType;
import org.junit.jupiter.api.Test;

class OperatorsTest {

  @Test
  void comparesAsTestScriptSays() {
    assertThat(Operators.holds(null, "200", "200")).isTrue();
    assertThat(Operators.holds(AssertionOperatorType.IN, "422", "400, 422")).isTrue();
    assertThat(Operators.holds(AssertionOperatorType.IN, "200", "400,422")).isFalse();
    assertThat(Operators.holds(AssertionOperatorType.NOTIN, "200", "400,422")).isTrue();
    assertThat(Operators.holds(AssertionOperatorType.GREATERTHAN, "10", "9")).as("as numbers").isTrue();
    assertThat(Operators.holds(AssertionOperatorType.LESSTHAN, "abc", "abd")).as("as text").isTrue();
    assertThat(Operators.holds(AssertionOperatorType.CONTAINS, "urn:caseway:partner:x", "partner")).isTrue();
    assertThat(Operators.holds(AssertionOperatorType.EMPTY, null, null)).isTrue();
    assertThat(Operators.holds(AssertionOperatorType.EQUALS, null, "ok")).isFalse();
  }

  @Test
  void describesTheExpectationForMessages() {
    assertThat(Operators.describe(AssertionOperatorType.IN, "400,422")).isEqualTo("one of 400, 422");
    assertThat(Operators.describe(null, "ok")).isEqualTo("'ok'");
  }
}
