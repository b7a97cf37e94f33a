package org.caseway.gateway.agreement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns agreement documents into an {@link AgreementSet}, all or nothing: if any document has a
 * problem, nothing is loaded and every problem is reported.
 *
 * <p>Thread-safe (stateless apart from its vocabulary).
 */
public final class AgreementLoader {

  private final AgreementVocabulary vocabulary;

  public AgreementLoader(AgreementVocabulary vocabulary) {
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
  }

  /**
   * The outcome of a load.
   *
   * @param agreements what was loaded; empty when there are problems
   * @param problems every problem found; empty when the load succeeded
   */
  public record Result(AgreementSet agreements, List<AgreementProblem> problems) {

    public Result {
      problems = List.copyOf(problems);
    }

    public boolean succeeded() {
      return problems.isEmpty();
    }
  }

  public Result load(List<AgreementDocument> documents) {
    List<AgreementProblem> problems = new ArrayList<>();
    List<Agreement> agreements = new ArrayList<>();
    Map<String, AgreementDocument> documentsByFile = new HashMap<>();
    for (AgreementDocument document : documents) {
      documentsByFile.put(document.file(), document);
      new AgreementDocumentReader(document.file(), vocabulary, problems)
          .read(document.text(), document.sha256())
          .ifPresent(agreements::add);
    }
    agreements.forEach(a -> checkRules(a, documentsByFile.get(a.file()), problems));
    checkVersions(agreements, documentsByFile, problems);
    return problems.isEmpty()
        ? new Result(new AgreementSet(agreements), List.of())
        : new Result(AgreementSet.EMPTY, problems);
  }

  private static void checkRules(Agreement agreement, AgreementDocument document, List<AgreementProblem> problems) {
    for (int i = 0; i < agreement.rules().size(); i++) {
      AgreementRule rule = agreement.rules().get(i);
      for (int j = 0; j < i; j++) {
        if (agreement.rules().get(j).covers(rule.from(), rule.to())) {
          problems.add(new AgreementProblem(agreement.file(), "rules[" + i + "]", rule.line(),
              "A second rule from " + rule.from() + " to " + rule.to() + " (the first is rules[" + j + "]).",
              "Merge the two rows into one: one row per sender and recipient."));
        }
      }
      for (int c = 0; c < rule.conditions().size(); c++) {
        Condition condition = rule.conditions().get(c);
        if (!rule.share().containsAll(condition.appliesTo())) {
          problems.add(new AgreementProblem(agreement.file(), "rules[" + i + "].conditions[" + c + "].applies-to",
              rule.line(), "The condition applies to " + condition.appliesTo() + ", not all of which the rule shares "
                  + rule.share() + ".",
              "List in applies-to only categories in the rule's share list."));
        }
      }
    }
  }

  private static void checkVersions(
      List<Agreement> agreements, Map<String, AgreementDocument> documents, List<AgreementProblem> problems) {
    for (int i = 0; i < agreements.size(); i++) {
      Agreement a = agreements.get(i);
      for (int j = 0; j < i; j++) {
        Agreement b = agreements.get(j);
        if (!a.id().equals(b.id())) {
          continue;
        }
        if (a.version() == b.version()) {
          problems.add(new AgreementProblem(a.file(), "version", documents.get(a.file()).lineOf("version"),
              a.label() + " is also in " + b.file() + ".", "Give the new document the next version number."));
        } else if (a.status() == AgreementStatus.ACTIVE && b.status() == AgreementStatus.ACTIVE && a.overlaps(b)) {
          problems.add(new AgreementProblem(a.file(), "valid-from", documents.get(a.file()).lineOf("valid-from"),
              a.label() + " (" + a.validFrom() + " to " + a.validTo() + ") overlaps " + b.label() + " in " + b.file()
                  + " (" + b.validFrom() + " to " + b.validTo() + "): two versions would be in force at once.",
              "End the earlier version the day before the later one starts (its valid-to), or revoke it."));
        }
      }
    }
  }
}
