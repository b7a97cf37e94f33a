package org.caseway.gateway.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.caseway.gateway.policy.scenario.NorthshireAgreements;
import org.junit.jupiter.api.Test;

/** Loading agreement documents: the committed ones load; each kind of mistake is refused precisely. */
class AgreementLoaderTest {

  private final AgreementLoader loader = NorthshireAgreements.loader();

  @Test
  void loadsTheThreeNorthshireAgreementsAsAgreementsMdStatesThem() {
    AgreementLoader.Result result = loader.load(NorthshireAgreements.documents());

    assertThat(result.problems()).isEmpty();
    assertThat(result.agreements().agreements()).extracting(Agreement::label)
        .containsExactly("ISA-ASB v3", "ISA-IOM v1", "ISA-VUL v2");
    Agreement asb = result.agreements().agreements().get(0);
    assertThat(asb.validFrom()).hasToString("2026-04-01");
    assertThat(asb.validTo()).hasToString("2028-03-31");
    assertThat(asb.purposes()).containsExactly("ASB");
    assertThat(asb.rules()).extracting(AgreementRule::name).containsExactly(
        "northshire-police->northshire-council", "northshire-police->northshire-housing",
        "northshire-council->northshire-police", "northshire-council->northshire-housing");
    assertThat(asb.ruleFor("northshire-police", "northshire-housing").orElseThrow().conditions())
        .extracting(c -> c.type().key())
        .containsExactly("subject-linked-to", "location-detail", "only-markers");
  }

  @Test
  void refusesAnUnknownCategoryNamingFilePathLineAndFix() {
    AgreementProblem problem = onlyProblem(edit("isa-asb-v3.yaml",
        "share: [identity, contact, incident, risk]", "share: [identity, contacts, incident, risk]"));

    assertThat(problem.file()).isEqualTo("isa-asb-v3.yaml");
    assertThat(problem.path()).isEqualTo("rules[0].share[1]");
    assertThat(problem.line()).isEqualTo(lineOf("isa-asb-v3.yaml", "share: [identity, contact, incident, risk]"));
    assertThat(problem.problem()).isEqualTo("Unknown data category 'contacts'.");
    assertThat(problem.fix()).contains("contact, ethnicity, health");
  }

  @Test
  void refusesAnUnknownPartner() {
    AgreementProblem problem = onlyProblem(edit("isa-iom-v1.yaml",
        "parties: [northshire-police, northshire-probation, northshire-council]",
        "parties: [northshire-police, northshire-probation, northshire-council, northshire-fire]"));

    assertThat(problem.path()).isEqualTo("parties[3]");
    assertThat(problem.problem()).isEqualTo("Unknown partner 'northshire-fire'.");
    assertThat(problem.fix()).contains("northshire-mh-trust");
  }

  @Test
  void refusesARuleForAPartnerThatIsNotAParty() {
    AgreementProblem problem = onlyProblem(edit("isa-vul-v2.yaml",
        "  - from: northshire-mh-trust\n    to: northshire-council",
        "  - from: northshire-mh-trust\n    to: northshire-housing"));

    assertThat(problem.path()).isEqualTo("rules[2].to");
    assertThat(problem.problem()).contains("'northshire-housing' is not one of the agreement's parties");
  }

  @Test
  void refusesAnUnknownPurpose() {
    AgreementProblem problem = onlyProblem(edit("isa-asb-v3.yaml", "purposes: [ASB]", "purposes: [ANTI-SOCIAL]"));

    assertThat(problem.path()).isEqualTo("purposes[0]");
    assertThat(problem.problem()).isEqualTo("Unknown purpose 'ANTI-SOCIAL'.");
    assertThat(problem.fix()).isEqualTo("Use one of: ASB, IOM, SAFEGUARDING.");
  }

  @Test
  void refusesOverlappingVersionsOfOneAgreement() {
    List<AgreementDocument> documents = new ArrayList<>(NorthshireAgreements.documents());
    documents.add(new AgreementDocument("isa-asb-v4.yaml", text("isa-asb-v3.yaml")
        .replace("version: 3", "version: 4").replace("valid-from: 2026-04-01", "valid-from: 2028-01-01")
        .replace("valid-to: 2028-03-31", "valid-to: 2030-03-31")));

    AgreementProblem problem = onlyProblem(documents);

    assertThat(problem.file()).isEqualTo("isa-asb-v4.yaml");
    assertThat(problem.path()).isEqualTo("valid-from");
    assertThat(problem.line()).isEqualTo(7);
    assertThat(problem.problem()).isEqualTo("ISA-ASB v4 (2028-01-01 to 2030-03-31) overlaps ISA-ASB v3 in isa-asb-v3.yaml"
        + " (2026-04-01 to 2028-03-31): two versions would be in force at once.");
    assertThat(problem.fix()).contains("valid-to");
  }

  @Test
  void acceptsANewVersionThatStartsWhenTheLastEnds() {
    List<AgreementDocument> documents = new ArrayList<>(NorthshireAgreements.documents());
    documents.add(new AgreementDocument("isa-asb-v4.yaml", text("isa-asb-v3.yaml")
        .replace("version: 3", "version: 4").replace("valid-from: 2026-04-01", "valid-from: 2028-04-01")
        .replace("valid-to: 2028-03-31", "valid-to: 2030-03-31")));

    assertThat(loader.load(documents).agreements().agreements()).extracting(Agreement::label)
        .containsExactly("ISA-ASB v3", "ISA-ASB v4", "ISA-IOM v1", "ISA-VUL v2");
  }

  @Test
  void refusesAnUnknownCondition() {
    AgreementProblem problem = onlyProblem(edit("isa-vul-v2.yaml",
        "      - subject-has-marker: [MH, SH]", "      - subject-has-flag: [MH, SH]"));

    assertThat(problem.path()).isEqualTo("rules[0].conditions[0].subject-has-flag");
    assertThat(problem.fix()).contains("subject-has-marker");
  }

  @Test
  void refusesAConditionForACategoryTheRuleDoesNotShare() {
    AgreementProblem problem = onlyProblem(edit("isa-asb-v3.yaml",
        "        applies-to: [risk]", "        applies-to: [health]"));

    assertThat(problem.path()).isEqualTo("rules[1].conditions[2].applies-to");
    assertThat(problem.fix()).isEqualTo("List in applies-to only categories in the rule's share list.");
  }

  @Test
  void refusesAChannelOrSystemInAnAgreement() {
    AgreementProblem problem = onlyProblem(edit("isa-iom-v1.yaml", "purposes: [IOM]", "purposes: [IOM]\nchannel: kafka"));

    assertThat(problem.path()).isEqualTo("channel");
    assertThat(problem.fix()).contains("agreements never name systems or channels");
  }

  @Test
  void refusesYamlThatDoesNotParse() {
    AgreementProblem problem = onlyProblem(edit("isa-iom-v1.yaml", "purposes: [IOM]", "purposes: [IOM"));

    assertThat(problem.file()).isEqualTo("isa-iom-v1.yaml");
    assertThat(problem.problem()).startsWith("Not valid YAML");
  }

  @Test
  void reportsEveryProblemAtOnceAndLoadsNothing() {
    List<AgreementDocument> documents = edit("isa-asb-v3.yaml", "purposes: [ASB]", "purposes: [ANTI-SOCIAL]");
    documents = replaceIn(documents, "isa-iom-v1.yaml", "share: [identity, case]", "share: [identity, cases]");

    AgreementLoader.Result result = loader.load(documents);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.agreements().agreements()).isEmpty();
    assertThat(result.problems()).extracting(AgreementProblem::file).containsExactly("isa-asb-v3.yaml", "isa-iom-v1.yaml");
  }

  private AgreementProblem onlyProblem(List<AgreementDocument> documents) {
    AgreementLoader.Result result = loader.load(documents);
    assertThat(result.problems()).hasSize(1);
    assertThat(result.agreements().agreements()).isEmpty();
    return result.problems().get(0);
  }

  private static List<AgreementDocument> edit(String file, String from, String to) {
    return replaceIn(NorthshireAgreements.documents(), file, from, to);
  }

  private static List<AgreementDocument> replaceIn(List<AgreementDocument> documents, String file, String from, String to) {
    assertThat(text(file)).contains(from);
    return new ArrayList<>(documents.stream()
        .map(d -> d.file().equals(file) ? new AgreementDocument(file, d.text().replace(from, to)) : d).toList());
  }

  private static String text(String file) {
    return NorthshireAgreements.documents().stream().filter(d -> d.file().equals(file)).findFirst().orElseThrow().text();
  }

  private static int lineOf(String file, String content) {
    String[] lines = text(file).split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(content)) {
        return i + 1;
      }
    }
    throw new AssertionError(content);
  }
}
