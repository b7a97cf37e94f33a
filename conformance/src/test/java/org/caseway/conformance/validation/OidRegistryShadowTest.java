package org.caseway.conformance.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.utilities.OIDUtilities;
import org.junit.jupiter.api.Test;

class OidRegistryShadowTest {

  @Test
  void theCoreLibraryReadsCasewaysEmptyOidTable() {
    assertThat(OidRegistryShadow.isEffective()).isTrue();
    assertThat(OIDUtilities.class.getClassLoader().getResource(OidRegistryShadow.RESOURCE))
        .asString()
        .contains("conformance");
  }

  @Test
  void anOidTheCoreTableKnowsIsUnknownWithTheShadow() {
    // 2.16.840.1.113883.6.1 (LOINC) is in the core's table; with the shadow the table is empty.
    assertThat(new OIDUtilities().isKnownOID("urn:oid:2.16.840.1.113883.6.1")).isFalse();
  }
}
