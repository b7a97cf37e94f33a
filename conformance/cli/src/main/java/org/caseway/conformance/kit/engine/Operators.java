package org.caseway.conformance.kit.engine;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.r4.model.TestScript.AssertionOperatorType;

/**
 * The TestScript assert operators on text values: {@code equals} (the default), {@code notEquals},
 * {@code in} and {@code notIn} (the expected value a comma-separated list), {@code greaterThan} and
 * {@code lessThan} (as numbers when both are numbers, else as text), {@code contains}, {@code
 * notContains}, {@code empty} and {@code notEmpty} (no expected value). {@code eval} is the
 * expression assert's own (see {@link ExpressionAssert}).
 */
final class Operators {

  private Operators() {}

  /**
   * @param actual the value found; null when there is none
   * @param expected the value the assert gives; ignored by empty and notEmpty
   * @throws KitException for an operator this kit does not apply to values
   */
  static boolean holds(AssertionOperatorType operator, String actual, String expected) {
    AssertionOperatorType op = operator == null || operator == AssertionOperatorType.NULL ? AssertionOperatorType.EQUALS : operator;
    return switch (op) {
      case EQUALS -> actual != null && actual.equals(expected);
      case NOTEQUALS -> actual == null || !actual.equals(expected);
      case IN -> actual != null && list(expected).contains(actual);
      case NOTIN -> actual == null || !list(expected).contains(actual);
      case GREATERTHAN -> actual != null && compare(actual, expected) > 0;
      case LESSTHAN -> actual != null && compare(actual, expected) < 0;
      case CONTAINS -> actual != null && actual.contains(expected);
      case NOTCONTAINS -> actual == null || !actual.contains(expected);
      case EMPTY -> actual == null || actual.isEmpty();
      case NOTEMPTY -> actual != null && !actual.isEmpty();
      default -> throw new KitException("The operator '" + op.toCode() + "' is not one this kit applies to a value");
    };
  }

  /** How the expectation reads in a message: {@code 400 or 422}, {@code not 'x'}, ... */
  static String describe(AssertionOperatorType operator, String expected) {
    AssertionOperatorType op = operator == null || operator == AssertionOperatorType.NULL ? AssertionOperatorType.EQUALS : operator;
    return switch (op) {
      case EQUALS -> "'" + expected + "'";
      case NOTEQUALS -> "anything but '" + expected + "'";
      case IN -> "one of " + String.join(", ", list(expected));
      case NOTIN -> "none of " + String.join(", ", list(expected));
      case GREATERTHAN -> "more than " + expected;
      case LESSTHAN -> "less than " + expected;
      case CONTAINS -> "something containing '" + expected + "'";
      case NOTCONTAINS -> "something not containing '" + expected + "'";
      case EMPTY -> "nothing";
      case NOTEMPTY -> "a value";
      default -> op.toCode() + " " + expected;
    };
  }

  private static List<String> list(String expected) {
    return expected == null ? List.of() : Arrays.stream(expected.split(",")).map(String::strip).toList();
  }

  private static int compare(String actual, String expected) {
    try {
      return new BigDecimal(actual).compareTo(new BigDecimal(expected));
    } catch (NumberFormatException notNumbers) {
      return actual.compareTo(expected);
    }
  }
}
