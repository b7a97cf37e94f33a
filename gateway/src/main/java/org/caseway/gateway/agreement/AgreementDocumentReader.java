package org.caseway.gateway.agreement;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one agreement document into an {@link Agreement}, recording every problem with the YAML
 * path and line it concerns. Checks shape only (keys, types, dates); what the values name
 * (categories, partners, purposes) is checked by {@link AgreementChecks}.
 *
 * <p>Not thread-safe: one instance per document.
 */
final class AgreementDocumentReader {

  private static final Set<String> TOP_KEYS =
      Set.of("id", "version", "title", "status", "valid-from", "valid-to", "legal-basis", "parties",
          "purposes", "rules");
  private static final Set<String> RULE_KEYS = Set.of("from", "to", "share", "conditions");

  private final String file;
  private final AgreementVocabulary vocabulary;
  private final List<AgreementProblem> problems;

  AgreementDocumentReader(String file, AgreementVocabulary vocabulary, List<AgreementProblem> problems) {
    this.file = file;
    this.vocabulary = vocabulary;
    this.problems = problems;
  }

  /** The agreement, or empty if the document has a problem (recorded in the problem list). */
  Optional<Agreement> read(String text, String sha256) {
    int before = problems.size();
    MappingNode root;
    try {
      Node node = new Yaml(new LoaderOptions()).compose(new StringReader(text));
      if (!(node instanceof MappingNode mapping)) {
        problem("", node, "The document is not a YAML mapping.", "Start it with 'id: ISA-...' as in isa-asb-v3.yaml.");
        return Optional.empty();
      }
      root = mapping;
    } catch (YAMLException e) {
      problems.add(new AgreementProblem(file, "", 0, "Not valid YAML: " + e.getMessage(), "Correct the YAML syntax."));
      return Optional.empty();
    }
    checkKeys(root, "", TOP_KEYS);
    Agreement agreement =
        new Agreement(
            text(root, "", "id"),
            version(root),
            text(root, "", "title"),
            status(root),
            date(root, "valid-from"),
            date(root, "valid-to"),
            texts(root, "", "legal-basis"),
            new LinkedHashSet<>(known(root, "", "parties", vocabulary.partners(), "partner")),
            new LinkedHashSet<>(known(root, "", "purposes", vocabulary.purposes(), "purpose")),
            rules(root),
            file,
            sha256);
    return problems.size() == before ? Optional.of(agreement) : Optional.empty();
  }

  private List<AgreementRule> rules(MappingNode root) {
    List<AgreementRule> rules = new ArrayList<>();
    Node node = value(root, "rules");
    if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
      problem("rules", node == null ? root : node, "'rules' is missing or not a list of rows.",
          "Add a list of rules, each with from, to and share.");
      return rules;
    }
    for (int i = 0; i < sequence.getValue().size(); i++) {
      String path = "rules[" + i + "]";
      if (!(sequence.getValue().get(i) instanceof MappingNode rule)) {
        problem(path, sequence.getValue().get(i), "A rule must be a mapping.", "Write from, to, share (and conditions).");
        continue;
      }
      checkKeys(rule, path, RULE_KEYS);
      rules.add(new AgreementRule(party(root, rule, path, "from"), party(root, rule, path, "to"),
          new LinkedHashSet<>(known(rule, path, "share", vocabulary.categories(), "data category")),
          conditions(rule, path), line(rule)));
    }
    return rules;
  }

  private String party(MappingNode root, MappingNode rule, String path, String key) {
    String partner = text(rule, path, key);
    List<String> parties = optionalTexts(root, "", "parties");
    if (!partner.isEmpty() && !parties.contains(partner)) {
      problem(join(path, key), value(rule, key), "'" + partner + "' is not one of the agreement's parties " + parties + ".",
          "Use a partner id listed under 'parties', or add the partner there if it signed the agreement.");
    }
    return partner;
  }

  private List<Condition> conditions(MappingNode rule, String rulePath) {
    List<Condition> conditions = new ArrayList<>();
    Node node = value(rule, "conditions");
    if (node == null) {
      return conditions;
    }
    if (!(node instanceof SequenceNode sequence)) {
      problem(rulePath + ".conditions", node, "'conditions' must be a list.", "Write each condition as '- key: [values]'.");
      return conditions;
    }
    for (int i = 0; i < sequence.getValue().size(); i++) {
      String path = rulePath + ".conditions[" + i + "]";
      Node item = sequence.getValue().get(i);
      if (!(item instanceof MappingNode condition)) {
        problem(path, item, "A condition must be a mapping.", "Write '- subject-consent: [recorded]' or similar.");
        continue;
      }
      condition(condition, path).ifPresent(conditions::add);
    }
    return conditions;
  }

  private Optional<Condition> condition(MappingNode node, String path) {
    List<String> typeKeys = new ArrayList<>();
    for (NodeTuple tuple : node.getValue()) {
      String key = keyOf(tuple);
      if (!key.equals("applies-to") && !key.equals("unless-marker")) {
        typeKeys.add(key);
      }
    }
    if (typeKeys.size() != 1) {
      problem(path, node, "A condition names exactly one check, found " + typeKeys + ".",
          "Use one of: " + ConditionType.keys() + " (plus applies-to or unless-marker).");
      return Optional.empty();
    }
    String key = typeKeys.get(0);
    Optional<ConditionType> type = ConditionType.ofKey(key);
    if (type.isEmpty()) {
      problem(path + "." + key, node, "Unknown condition '" + key + "'.", "Use one of: " + ConditionType.keys() + ".");
      return Optional.empty();
    }
    return Optional.of(new Condition(type.get(), conditionValues(node, path, type.get()),
        new LinkedHashSet<>(known(node, path, "applies-to", vocabulary.categories(), "data category")),
        new LinkedHashSet<>(known(node, path, "unless-marker", vocabulary.markers(), "marker"))));
  }

  private List<String> conditionValues(MappingNode node, String path, ConditionType type) {
    String key = type.key();
    return switch (type) {
      case SUBJECT_HAS_MARKER, ONLY_MARKERS -> known(node, path, key, vocabulary.markers(), "marker");
      case CASE_RISK_LEVEL -> known(node, path, key, vocabulary.riskLevels(), "risk level");
      case SUBJECT_CONSENT -> known(node, path, key, Set.of("recorded"), "consent condition");
      case LOCATION_DETAIL -> known(node, path, key, Set.of("postcode"), "location detail");
      case SUBJECT_LINKED_TO -> known(node, path, key, vocabulary.identifierSystems(), "identifier system");
    };
  }

  /** The list at {@code key}, each value checked against {@code allowed}. */
  private List<String> known(MappingNode node, String parent, String key, Set<String> allowed, String noun) {
    boolean optional = key.equals("applies-to") || key.equals("unless-marker");
    List<String> values = !optional
        ? texts(node, parent, key)
        : optionalTexts(node, parent, key);
    Node list = value(node, key);
    for (int i = 0; i < values.size(); i++) {
      if (!allowed.contains(values.get(i))) {
        Node item = list instanceof SequenceNode s ? s.getValue().get(i) : list;
        problem(join(parent, key) + "[" + i + "]", item, "Unknown " + noun + " '" + values.get(i) + "'.",
            "Use one of: " + String.join(", ", allowed.stream().sorted().toList()) + ".");
      }
    }
    return values;
  }

  private int version(MappingNode root) {
    String value = text(root, "", "version");
    try {
      int version = Integer.parseInt(value);
      if (version > 0) {
        return version;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    if (!value.isEmpty()) {
      problem("version", value(root, "version"), "'version' must be a whole number above 0, not '" + value + "'.",
          "Write the agreement's version number, e.g. 'version: 3'.");
    }
    return 0;
  }

  private AgreementStatus status(MappingNode root) {
    String value = text(root, "", "status");
    try {
      return AgreementStatus.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      if (!value.isEmpty()) {
        problem("status", value(root, "status"), "Unknown status '" + value + "'.", "Use draft, active or revoked.");
      }
      return AgreementStatus.DRAFT;
    }
  }

  private LocalDate date(MappingNode root, String key) {
    String value = text(root, "", key);
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      if (!value.isEmpty()) {
        problem(key, value(root, key), "'" + key + "' is not a date: '" + value + "'.", "Write it as YYYY-MM-DD.");
      }
      return LocalDate.MIN;
    }
  }

  private String text(MappingNode node, String parent, String key) {
    Node value = value(node, key);
    if (value instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
      return scalar.getValue().trim();
    }
    problem(join(parent, key), value == null ? node : value, "'" + key + "' is missing or not a single value.",
        "Give '" + key + "' a value (see README.md next to the agreements).");
    return "";
  }

  private List<String> texts(MappingNode node, String parent, String key) {
    if (value(node, key) == null) {
      problem(join(parent, key), node, "'" + key + "' is missing.", "Add '" + key + ": [...]'.");
      return List.of();
    }
    return optionalTexts(node, parent, key);
  }

  private List<String> optionalTexts(MappingNode node, String parent, String key) {
    Node value = value(node, key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof SequenceNode sequence)) {
      problem(join(parent, key), value, "'" + key + "' must be a list.", "Write it as '" + key + ": [a, b]'.");
      return List.of();
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < sequence.getValue().size(); i++) {
      if (sequence.getValue().get(i) instanceof ScalarNode scalar) {
        texts.add(scalar.getValue().trim());
      } else {
        problem(join(parent, key) + "[" + i + "]", sequence.getValue().get(i), "Expected a single value.", "Write a plain value.");
      }
    }
    return texts;
  }

  private void checkKeys(MappingNode node, String path, Set<String> known) {
    for (NodeTuple tuple : node.getValue()) {
      String key = keyOf(tuple);
      if (!known.contains(key)) {
        problem(join(path, key), tuple.getKeyNode(), "Unknown key '" + key + "'.",
            "Use only " + String.join(", ", known.stream().sorted().toList())
                + "; agreements never name systems or channels.");
      }
    }
  }

  /** The value node at {@code key}, or null if absent. Also used by {@link AgreementChecks} for lines. */
  static Node value(MappingNode node, String key) {
    for (NodeTuple tuple : node.getValue()) {
      if (keyOf(tuple).equals(key)) {
        return tuple.getValueNode();
      }
    }
    return null;
  }

  private static String keyOf(NodeTuple tuple) {
    return tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
  }

  private static String join(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  static int line(Node node) {
    return node == null ? 0 : node.getStartMark().getLine() + 1;
  }

  private void problem(String path, Node node, String problem, String fix) {
    problems.add(new AgreementProblem(file, path, line(node), problem, fix));
  }
}
