package org.caseway.gateway;

import org.caseway.mappings.fuzz.FuzzTargets;
import org.junit.jupiter.api.Test;

/** Each fuzz test class of this module has one {@code @FuzzTest} and a seeded corpus ({@link FuzzTargets}). */
class FuzzTargetsTest {

  @Test
  void everyFuzzTestClassHasOneFuzzTestAndASeededCorpus() {
    FuzzTargets.assertEachHasOneTargetAndASeededCorpus(getClass().getPackageName());
  }
}
