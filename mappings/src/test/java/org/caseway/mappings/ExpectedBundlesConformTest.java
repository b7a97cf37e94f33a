package org.caseway.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.conformance.validation.ValidationReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every expected canonical output of every fixture (and so every output that matches it) is valid against the guide. */
class ExpectedBundlesConformTest {

  private static CasewayValidator validator;

  @BeforeAll
  static void validator() {
    validator = new CasewayValidator(ImplementationGuide.load());
  }

  static Stream<Path> expectedBundles() throws IOException {
    List<Path> bundles = new ArrayList<>();
    for (Fixture fixture : Fixture.all()) {
      fixture.expectedOutputs().stream().filter(file -> file.toString().endsWith(".json"))
          .filter(file -> isCanonical(fixture)).forEach(bundles::add);
    }
    return bundles.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectedBundles")
  void conformsToTheGuide(Path bundle) throws IOException {
    ValidationReport report = validator.validate(Files.readString(bundle, StandardCharsets.UTF_8));

    assertThat(report.hasErrors()).as(bundle + ": " + report.issues()).isFalse();
  }

  @org.junit.jupiter.api.Test
  void thereAreBundlesToValidate() throws IOException {
    assertThat(expectedBundles().count()).isGreaterThanOrEqualTo(10);
  }

  private static boolean isCanonical(Fixture fixture) {
    return Mappings.onClasspath().mapper(fixture.mapping()).definition().output().equals("caseway-message");
  }
}
