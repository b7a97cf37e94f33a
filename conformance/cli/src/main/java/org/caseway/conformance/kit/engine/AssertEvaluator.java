package org.caseway.conformance.kit.engine;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.caseway.conformance.kit.Exchange;
import org.caseway.conformance.kit.Outcome;
import org.caseway.conformance.kit.Step;
import org.caseway.conformance.validation.CasewayValidator;
import org.caseway.conformance.validation.ValidationIssue;
import org.caseway.conformance.validation.ValidationReport;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.TestScript.AssertionResponseTypes;
import org.hl7.fhir.r4.model.TestScript.SetupActionAssertComponent;

/**
 * Evaluates one TestScript assert against a fixture ({@code sourceId}) or the last response. The
 * subset: {@code response}, {@code responseCode}, {@code resource}, {@code contentType}, {@code
 * headerField}, {@code expression} (see {@link ExpressionAssert}), {@code validateProfileId} (the
 * Caseway validator: the content must claim the profile and have no errors against the guide), and
 * the kit's {@code conformance-kit-response-within}. An assert that does not hold fails, or warns
 * when {@code warningOnly}; one that cannot be evaluated errs, saying why.
 *
 * <p>Not thread-safe: one per script run.
 */
final class AssertEvaluator {

  private static final int MAX_ISSUES_SHOWN = 5;

  private final Fixtures fixtures;
  private final Variables variables;
  private final ExpressionAssert expressions;
  private final Supplier<CasewayValidator> validator;
  private final Map<String, String> profiles;

  /**
   * @param profiles the TestScript's {@code profile} references: id → profile URL
   */
  AssertEvaluator(Fixtures fixtures, Variables variables, ExpressionAssert expressions,
      Supplier<CasewayValidator> validator, Map<String, String> profiles) {
    this.fixtures = fixtures;
    this.variables = variables;
    this.expressions = expressions;
    this.validator = validator;
    this.profiles = profiles;
  }

  /**
   * @param lastExchange the last operation's exchange, if any has run in this test
   */
  Step evaluate(SetupActionAssertComponent assertion, Optional<Exchange> lastExchange) {
    String what = describe(assertion);
    try {
      String problem = problem(assertion, lastExchange);
      if (problem == null) {
        return Step.assertion(label(assertion), Outcome.PASS, what);
      }
      return Step.assertion(label(assertion), assertion.getWarningOnly() ? Outcome.WARNING : Outcome.FAIL, what + ": " + problem);
    } catch (ExpressionAssert.AssertFailure notCheckable) {
      return Step.assertion(label(assertion), assertion.getWarningOnly() ? Outcome.WARNING : Outcome.FAIL,
          what + ": " + notCheckable.getMessage());
    } catch (Skip skip) {
      return Step.assertion(label(assertion), Outcome.SKIP, what + ": not checked, " + skip.getMessage());
    } catch (KitException e) {
      return Step.assertion(label(assertion), Outcome.ERROR, what + ": cannot be checked: " + e.getMessage());
    }
  }

  /** What is wrong, or null when the assert holds. */
  private String problem(SetupActionAssertComponent assertion, Optional<Exchange> lastExchange) {
    Extension within = assertion.getExtensionByUrl(KitExtensions.RESPONSE_WITHIN);
    if (within != null) {
      return responseWithin(within, exchange(lastExchange));
    }
    if (assertion.hasResponse()) {
      return status(exchange(lastExchange), String.valueOf(statusOf(assertion.getResponse())), null);
    }
    if (assertion.hasResponseCode()) {
      return status(exchange(lastExchange), variables.substitute(assertion.getResponseCode()), assertion);
    }
    Content source = source(assertion);
    if (assertion.hasResource()) {
      return resourceType(source, assertion.getResource());
    }
    if (assertion.hasContentType()) {
      return contentType(source, assertion.getContentType());
    }
    if (assertion.hasHeaderField()) {
      return header(source, assertion);
    }
    if (assertion.hasExpression()) {
      return expressions.check(assertion, variables.substitute(assertion.getExpression()), source, fixtures, variables);
    }
    if (assertion.hasValidateProfileId()) {
      return profile(source, assertion.getValidateProfileId());
    }
    throw new KitException("this assert has nothing this kit checks (it supports response, responseCode, resource, "
        + "contentType, headerField, expression, validateProfileId and " + KitExtensions.RESPONSE_WITHIN + ")");
  }

  private Content source(SetupActionAssertComponent assertion) {
    String id = assertion.hasSourceId() ? assertion.getSourceId() : ScriptRun.LAST_RESPONSE;
    if (!assertion.hasSourceId() && !fixtures.has(ScriptRun.LAST_RESPONSE)) {
      throw new KitException("the assert looks at the last response, but no operation has run yet");
    }
    return fixtures.get(id);
  }

  private static Exchange exchange(Optional<Exchange> lastExchange) {
    return lastExchange.orElseThrow(() -> new KitException("the assert looks at the last response, but no operation has run yet"));
  }

  private String responseWithin(Extension within, Exchange exchange) {
    String text = variables.substitute(within.getValue().primitiveValue());
    Duration limit;
    try {
      limit = Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new KitException("'" + text + "' is not an ISO 8601 duration such as PT5S");
    }
    return exchange.elapsed().compareTo(limit) <= 0 ? null
        : "the answer took " + seconds(exchange.elapsed()) + ", more than the agreed " + seconds(limit);
  }

  private static String status(Exchange exchange, String expected, SetupActionAssertComponent assertion) {
    String actual = String.valueOf(exchange.status());
    boolean holds = assertion == null ? actual.equals(expected) : Operators.holds(assertion.getOperator(), actual, expected);
    if (holds) {
      return null;
    }
    String expectation = assertion == null ? expected : Operators.describe(assertion.getOperator(), expected).replace("'", "");
    return "expected HTTP status " + expectation + ", got " + actual + bodyHint(exchange);
  }

  private static String bodyHint(Exchange exchange) {
    return exchange.responseBody().isBlank() ? " with an empty body" : " (" + Reports.abbreviate(exchange.responseBody(), 160) + ")";
  }

  private static String resourceType(Content source, String expected) {
    Optional<IBaseResource> resource = source.resource();
    if (resource.isEmpty()) {
      return "expected a " + expected + ", but " + source.parseError();
    }
    String actual = resource.get().fhirType();
    return actual.equals(expected) ? null : "expected a " + expected + ", got a " + actual;
  }

  private static String contentType(Content source, String expected) {
    List<String> values = source.headers().getOrDefault("content-type", List.of());
    if (values.isEmpty()) {
      return "expected Content-Type " + expected + ", got none";
    }
    String actual = mediaType(values.get(0));
    return actual.equals(mediaType(expected)) ? null : "expected Content-Type " + expected + ", got " + values.get(0);
  }

  private String header(Content source, SetupActionAssertComponent assertion) {
    if (source.headers().isEmpty()) {
      throw new Skip(source.name() + " came without headers (for example, it was read from a file)");
    }
    List<String> values = source.headers().getOrDefault(assertion.getHeaderField().toLowerCase(Locale.ROOT), List.of());
    String actual = values.isEmpty() ? null : values.get(0);
    String expected = variables.substitute(assertion.getValue());
    return Operators.holds(assertion.getOperator(), actual, expected) ? null
        : "header " + assertion.getHeaderField() + " is " + (actual == null ? "missing" : "'" + actual + "'")
            + " where " + Operators.describe(assertion.getOperator(), expected) + " was expected";
  }

  private String profile(Content source, String profileId) {
    String url = profiles.get(profileId);
    if (url == null) {
      throw new KitException("validateProfileId '" + profileId + "' names no profile of the TestScript (TestScript.profile.id)");
    }
    Optional<IBaseResource> resource = source.resource();
    if (resource.isEmpty()) {
      return "it cannot be validated: " + source.parseError();
    }
    boolean claims = resource.get().getMeta().getProfile().stream()
        .anyMatch(declared -> url.equals(declared.getValueAsString().split("\\|")[0]));
    if (!claims) {
      return "it does not declare the profile " + url + " in meta.profile";
    }
    ValidationReport report = validator.get().validate(source.text());
    List<ValidationIssue> errors = report.issues().stream().filter(issue -> issue.severity().isError()).toList();
    if (errors.isEmpty()) {
      return null;
    }
    StringBuilder problem = new StringBuilder(errors.size() + (errors.size() == 1 ? " error" : " errors") + " against the guide:");
    errors.stream().limit(MAX_ISSUES_SHOWN).forEach(issue -> problem.append("\n  ").append(issue));
    if (errors.size() > MAX_ISSUES_SHOWN) {
      problem.append("\n  ... and ").append(errors.size() - MAX_ISSUES_SHOWN).append(" more");
    }
    return problem.toString();
  }

  private static String describe(SetupActionAssertComponent assertion) {
    if (assertion.hasDescription()) {
      return assertion.getDescription();
    }
    if (assertion.hasLabel()) {
      return assertion.getLabel();
    }
    return "assert";
  }

  private static String label(SetupActionAssertComponent assertion) {
    return assertion.hasLabel() ? assertion.getLabel() : describe(assertion);
  }

  private static int statusOf(AssertionResponseTypes response) {
    return switch (response) {
      case OKAY -> 200;
      case CREATED -> 201;
      case NOCONTENT -> 204;
      case NOTMODIFIED -> 304;
      case BAD -> 400;
      case FORBIDDEN -> 403;
      case NOTFOUND -> 404;
      case METHODNOTALLOWED -> 405;
      case CONFLICT -> 409;
      case GONE -> 410;
      case PRECONDITIONFAILED -> 412;
      case UNPROCESSABLE -> 422;
      default -> throw new KitException("unknown response code name " + response);
    };
  }

  private static String mediaType(String contentType) {
    String type = contentType.contains(";") ? contentType.substring(0, contentType.indexOf(';')) : contentType;
    type = type.strip().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "json" -> "application/fhir+json";
      case "xml" -> "application/fhir+xml";
      default -> type;
    };
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  /** The assert does not apply to this content. */
  static final class Skip extends RuntimeException {
    Skip(String message) {
      super(message);
    }
  }
}
