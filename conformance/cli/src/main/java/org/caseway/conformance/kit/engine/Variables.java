package org.caseway.conformance.kit.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables of one script run, and {@code ${name}} substitution. A value comes, first found:
 * from the run's options ({@code --var}, {@code --partner}, the token), from a value computed by
 * the script's own variable definitions (a FHIRPath on a fixture or response, a response header),
 * or from a definition's {@code defaultValue}. Not thread-safe: one per script run.
 */
final class Variables {

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

  private final Map<String, String> given;
  private final Function<String, String> computed;

  /**
   * @param given fixed values (options and defaults, options winning)
   * @param computed computes a script variable on demand; returns null if the name is not one
   */
  Variables(Map<String, String> given, Function<String, String> computed) {
    this.given = new HashMap<>(given);
    this.computed = computed;
  }

  /**
   * Replaces every {@code ${name}} in {@code text}.
   *
   * @throws KitException naming the variable when one has no value
   */
  String substitute(String text) {
    if (text == null || !text.contains("${")) {
      return text;
    }
    Matcher matcher = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(value(matcher.group(1))));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private String value(String name) {
    if (given.containsKey(name)) {
      return given.get(name);
    }
    String value = computed.apply(name);
    if (value == null) {
      throw new KitException("The variable ${" + name + "} has no value: " + hint(name));
    }
    return value;
  }

  private static String hint(String name) {
    return switch (name) {
      case "partner" -> "give the partner under test with --partner ID";
      default -> "give one with --var " + name + "=VALUE, or define it in the TestScript";
    };
  }
}
