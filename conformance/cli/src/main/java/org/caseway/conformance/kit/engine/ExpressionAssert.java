package org.caseway.conformance.kit.engine;

import ca.uhn.fhir.fhirpath.IFhirPath;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.TestScript.AssertionOperatorType;
import org.hl7.fhir.r4.model.TestScript.SetupActionAssertComponent;

/**
 * A FHIRPath assert ({@code expression}, with HAPI's FHIRPath engine for R4). Three forms:
 *
 * <ul>
 *   <li>no {@code value}, no {@code compareToSourceId}, operator absent or {@code eval}: the
 *       expression must give exactly {@code true};
 *   <li>operator {@code empty} / {@code notEmpty}: the expression gives nothing / something;
 *   <li>otherwise the first value it gives, as text, is compared by the operator with {@code value},
 *       or with the first value of {@code compareToSourceExpression} on {@code compareToSourceId}.
 * </ul>
 */
final class ExpressionAssert {

  private final IFhirPath fhirPath;

  ExpressionAssert(IFhirPath fhirPath) {
    this.fhirPath = fhirPath;
  }

  /**
   * @return null when it holds, else what was found instead
   * @throws KitException when the content is not FHIR or an expression does not evaluate
   */
  String check(SetupActionAssertComponent assertion, String expression, Content source, Fixtures fixtures, Variables variables) {
    List<IBase> found = evaluate(source, expression);
    AssertionOperatorType operator = assertion.getOperator();
    if (operator == AssertionOperatorType.EMPTY || operator == AssertionOperatorType.NOTEMPTY) {
      boolean holds = (operator == AssertionOperatorType.EMPTY) == found.isEmpty();
      return holds ? null : "found " + show(found) + " where " + (found.isEmpty() ? "a value" : "nothing") + " was expected (" + expression + ")";
    }
    String expected = expected(assertion, fixtures, variables);
    if (expected == null) {
      boolean holds = found.size() == 1 && "true".equals(text(found.get(0)));
      return holds ? null : "not so (" + expression + " gave " + show(found) + ")";
    }
    String actual = found.isEmpty() ? null : text(found.get(0));
    return Operators.holds(operator, actual, expected) ? null
        : "found " + show(found) + " where " + Operators.describe(operator, expected) + " was expected (" + expression + ")";
  }

  private String expected(SetupActionAssertComponent assertion, Fixtures fixtures, Variables variables) {
    if (assertion.hasCompareToSourceId()) {
      String compareExpression = variables.substitute(assertion.getCompareToSourceExpression());
      if (compareExpression == null) {
        throw new KitException("compareToSourceId needs a compareToSourceExpression");
      }
      List<IBase> other = evaluate(fixtures.get(assertion.getCompareToSourceId()), compareExpression);
      return other.isEmpty() ? "" : text(other.get(0));
    }
    if (assertion.hasValue()) {
      return variables.substitute(assertion.getValue());
    }
    AssertionOperatorType operator = assertion.getOperator();
    return operator == null || operator == AssertionOperatorType.NULL || operator == AssertionOperatorType.EVAL ? null : "";
  }

  private List<IBase> evaluate(Content content, String expression) {
    IBaseResource resource = content.resource().orElseThrow(() -> new AssertFailure(
        content.name() + " cannot be checked with '" + expression + "': " + content.parseError()));
    try {
      return fhirPath.evaluate(resource, expression, IBase.class);
    } catch (RuntimeException e) {
      throw new KitException("The FHIRPath expression '" + expression + "' cannot be evaluated: " + e.getMessage(), e);
    }
  }

  private static String text(IBase value) {
    if (value instanceof IPrimitiveType<?> primitive) {
      return primitive.getValueAsString();
    }
    return value.fhirType();
  }

  private static String show(List<IBase> values) {
    if (values.isEmpty()) {
      return "nothing";
    }
    List<String> texts = values.stream().limit(5).map(value -> "'" + Reports.abbreviate(text(value), 120) + "'").toList();
    return String.join(", ", texts) + (values.size() > 5 ? " and " + (values.size() - 5) + " more" : "");
  }

  /** The content under test is not what the assert can look at: the assert fails, it does not err. */
  static final class AssertFailure extends RuntimeException {
    AssertFailure(String message) {
      super(message);
    }
  }
}
