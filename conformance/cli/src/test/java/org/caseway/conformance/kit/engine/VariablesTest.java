package org.caseway.conformance.kit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VariablesTest {

  private final Variables variables = new Variables(Map.of("partner", "northshire-mh-trust", "authorization", ""),
      name -> name.equals("headerId") ? "5b45" : null);

  @Test
  void substitutesGivenAndComputedValues() {
    assertThat(variables.substitute("urn:caseway:partner:${partner}/${headerId}")).isEqualTo("urn:caseway:partner:northshire-mh-trust/5b45");
    assertThat(variables.substitute("${authorization}")).isEmpty();
    assertThat(variables.substitute("no variables $ {here}")).isEqualTo("no variables $ {here}");
  }

  @Test
  void aValueWithDollarsAndBackslashesIsTakenLiterally() {
    Variables odd = new Variables(Map.of("x", "a$1\\b"), name -> null);
    assertThat(odd.substitute("[${x}]")).isEqualTo("[a$1\\b]");
  }

  @Test
  void aVariableWithoutAValueSaysHowToGiveOne() {
    Variables none = new Variables(Map.of(), name -> null);
    assertThatThrownBy(() -> none.substitute("${partner}")).isInstanceOf(KitException.class)
        .hasMessageContaining("give the partner under test with --partner ID");
    assertThatThrownBy(() -> none.substitute("${responseWithin}")).hasMessageContaining("--var responseWithin=VALUE");
  }
}
