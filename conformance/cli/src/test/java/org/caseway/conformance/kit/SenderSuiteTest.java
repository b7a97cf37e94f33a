package org.caseway.conformance.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caseway.conformance.ImplementationGuide;
import org.caseway.conformance.validation.CasewayValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sender suite on files: the guide's examples pass; a message sent as another partner, or with a bad NHS number, fails. */
class SenderSuiteTest {

  private static ConformanceKit kit;

  @TempDir
  Path dir;

  @BeforeAll
  static void buildTheKit() {
    kit = new ConformanceKit(new CasewayValidator(ImplementationGuide.load()));
  }

  @Test
  void everyPartnersExampleMessagesPassAtLevelFull() throws IOException {
    Map<String, List<String>> byPartner = GuideExamples.messages().stream()
        .collect(Collectors.groupingBy(file -> GuideExamples.sourcePartner(GuideExamples.text("caseway-ig/examples/" + file))));
    assertThat(byPartner).containsKeys("northshire-police", "northshire-council", "northshire-probation", "northshire-mh-trust");

    for (Map.Entry<String, List<String>> partner : byPartner.entrySet()) {
      Path folder = Files.createDirectories(dir.resolve(partner.getKey()));
      for (String file : partner.getValue()) {
        Files.writeString(folder.resolve(file), GuideExamples.text("caseway-ig/examples/" + file));
      }

      SuiteResult result = kit.run("sender", folder.toString(), KitOptions.defaults().withPartner(partner.getKey()));

      assertThat(result.passed()).as(Describe.of(result)).isTrue();
      assertThat(result.levelReached()).contains(Level.FULL);
      assertThat(result.tests()).filteredOn(test -> test.name().startsWith("record-names-itself"))
          .as("files have no Kafka headers").allSatisfy(test -> assertThat(test.outcome()).isEqualTo(Outcome.SKIP));
      assertThat(result.tests()).filteredOn(test -> test.name().startsWith("conforms-to-the-guide")).hasSize(partner.getValue().size());
    }
  }

  @Test
  void aMessageSentAsAnotherPartnerAndABadNhsNumberFailWithTheirReasons() throws IOException {
    String good = GuideExamples.text("caseway-ig/examples/Bundle-example-risk-flag-raised.json");
    Files.writeString(dir.resolve("1-good.json"), good);
    Files.writeString(dir.resolve("2-as-the-police.json"), good.replace("northshire-mh-trust", "northshire-police"));
    Files.writeString(dir.resolve("3-bad-nhs-number.json"), good.replace("9434765919", "9434765918"));

    SuiteResult result = kit.run("sender", dir.toString(), KitOptions.defaults().withPartner("northshire-mh-trust"));
    Map<String, TestResult> tests = result.tests().stream().collect(Collectors.toMap(TestResult::id, Function.identity()));

    assertThat(result.passed()).isFalse();
    assertThat(result.levelReached()).isEmpty();
    assertThat(result.tests()).filteredOn(test -> test.name().endsWith("[1-good.json]"))
        .allSatisfy(test -> assertThat(test.outcome()).isIn(Outcome.PASS, Outcome.SKIP));
    assertThat(tests.get("sender-as-itself/names-itself-as-the-source [2-as-the-police.json]").reason()).hasValue(
        "MessageHeader.source.endpoint names the partner under test (a partner sends only as itself): "
            + "found 'urn:caseway:partner:northshire-police' where 'urn:caseway:partner:northshire-mh-trust' was expected "
            + "(entry.first().resource.source.endpoint)");
    assertThat(tests.get("sender-as-itself/sender-organisation-is-itself [2-as-the-police.json]").reason()).hasValueSatisfying(reason ->
        assertThat(reason).startsWith("The sender Organization is the partner under test (identifier https://caseway.example/id/partner): "
            + "found 'northshire-police' where 'northshire-mh-trust' was expected"));
    assertThat(tests.get("sender-message/conforms-to-the-guide [2-as-the-police.json]").outcome())
        .as("it is a conforming message, only not this partner's").isEqualTo(Outcome.PASS);
    assertThat(tests.get("sender-message/conforms-to-the-guide [3-bad-nhs-number.json]").reason()).hasValueSatisfying(reason -> assertThat(reason)
        .startsWith("It conforms to caseway-message-bundle and the profiles of its entries, the MessageDefinition of its event and the identifier rules: 1 error against the guide:")
        .contains("Bundle.entry[1].resource.identifier[0].value: Constraint failed: cw-subject-id-nhsNumber"));
    assertThat(tests.get("sender-as-itself/names-itself-as-the-source [3-bad-nhs-number.json]").outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void withoutAPartnerTheAsItselfTestsErrSayingWhatToGive() throws IOException {
    Files.writeString(dir.resolve("m.json"), GuideExamples.text("caseway-ig/examples/Bundle-example-referral.json"));

    SuiteResult result = kit.run("sender", dir.toString(), KitOptions.defaults().withLevel(Level.CORE));

    assertThat(result.tests()).filteredOn(test -> test.name().startsWith("names-itself-as-the-source"))
        .singleElement().satisfies(test -> {
          assertThat(test.outcome()).isEqualTo(Outcome.ERROR);
          assertThat(test.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("give the partner under test with --partner ID"));
        });
  }
}
