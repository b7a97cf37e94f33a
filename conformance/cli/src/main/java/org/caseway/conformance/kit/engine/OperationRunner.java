package org.caseway.conformance.kit.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.caseway.conformance.kit.Exchange;
import org.hl7.fhir.r4.model.TestScript.SetupActionOperationComponent;
import org.hl7.fhir.r4.model.TestScript.SetupActionOperationRequestHeaderComponent;

/**
 * Turns a TestScript operation into an HTTP request and sends it. The subset, by {@code type.code}:
 *
 * <ul>
 *   <li>{@code process-message}: {@code POST [base]/$process-message}, the {@code sourceId}
 *       fixture as body;
 *   <li>{@code create}: {@code POST [base]/[resource]}, the {@code sourceId} fixture as body;
 *   <li>{@code read}: {@code GET [base]/[resource][params]} ({@code params} such as {@code /123});
 *   <li>{@code search}: {@code GET [base]/[resource][params]} ({@code params} such as {@code ?name=x});
 *   <li>{@code capabilities}: {@code GET [base]/metadata}.
 * </ul>
 *
 * <p>An explicit {@code url} (absolute, or relative to the base) and {@code method} override these.
 * Requests ask for {@code application/fhir+json} ({@code accept} overrides) and send bodies as
 * {@code contentType}, default {@code application/fhir+json}. {@code requestHeader}s are added;
 * one whose value is empty after {@code ${variable}} substitution is not sent (so {@code
 * Authorization: ${authorization}} sends the run's token only when it has one). Not thread-safe.
 */
final class OperationRunner {

  private static final String FHIR_JSON = "application/fhir+json";

  private final Optional<HttpTarget> target;
  private final Fixtures fixtures;
  private final Variables variables;

  OperationRunner(Optional<HttpTarget> target, Fixtures fixtures, Variables variables) {
    this.target = target;
    this.fixtures = fixtures;
    this.variables = variables;
  }

  /**
   * Sends the operation's request.
   *
   * @return the exchange, which has a transport error when no answer came
   * @throws KitException when the operation cannot be made (no HTTP target, unknown type, missing
   *     fixture or variable)
   */
  Exchange run(SetupActionOperationComponent operation) {
    HttpTarget http = target.orElseThrow(() -> new KitException(
        "this operation needs an HTTP target (a FHIR base URL such as http://localhost:8080/fhir)"));
    String type = operation.hasType() ? operation.getType().getCode() : null;
    String method = operation.hasMethod() ? operation.getMethod().toCode().toUpperCase(java.util.Locale.ROOT) : defaultMethod(type);
    String url = operation.hasUrl() ? variables.substitute(operation.getUrl()) : defaultUrl(type, operation);
    String body = operation.hasSourceId() ? fixtures.get(operation.getSourceId()).text() : "";
    if (body.isEmpty() && needsBody(type) && !operation.hasUrl()) {
      throw new KitException("a " + type + " operation needs a sourceId naming the fixture to send");
    }
    return http.send(method, url, headers(operation, !body.isEmpty()), body);
  }

  /** One line saying what the operation does, for reports. */
  static String describe(SetupActionOperationComponent operation) {
    if (operation.hasDescription()) {
      return operation.getDescription();
    }
    if (operation.hasLabel()) {
      return operation.getLabel();
    }
    return (operation.hasType() ? operation.getType().getCode() : "request")
        + (operation.hasSourceId() ? " " + operation.getSourceId() : "");
  }

  private Map<String, String> headers(SetupActionOperationComponent operation, boolean hasBody) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", operation.hasAccept() ? mediaType(operation.getAccept()) : FHIR_JSON);
    if (hasBody) {
      headers.put("Content-Type", operation.hasContentType() ? mediaType(operation.getContentType()) : FHIR_JSON);
    }
    for (SetupActionOperationRequestHeaderComponent header : operation.getRequestHeader()) {
      headers.put(header.getField(), variables.substitute(header.getValue()));
    }
    return headers;
  }

  private static String defaultMethod(String type) {
    if (type == null) {
      throw new KitException("an operation needs a type (process-message, create, read, search, capabilities) or a url and method");
    }
    return switch (type) {
      case "process-message", "create" -> "POST";
      case "read", "search", "capabilities" -> "GET";
      default -> throw unsupported(type);
    };
  }

  private String defaultUrl(String type, SetupActionOperationComponent operation) {
    String params = operation.hasParams() ? variables.substitute(operation.getParams()) : "";
    return switch (type) {
      case "process-message" -> "$process-message" + params;
      case "capabilities" -> "metadata" + params;
      case "create", "read", "search" -> resource(operation, type) + params;
      default -> throw unsupported(type);
    };
  }

  private static String resource(SetupActionOperationComponent operation, String type) {
    if (!operation.hasResource()) {
      throw new KitException("a " + type + " operation needs a resource (the resource type), or a url");
    }
    return operation.getResource();
  }

  private static boolean needsBody(String type) {
    return "process-message".equals(type) || "create".equals(type);
  }

  private static KitException unsupported(String type) {
    return new KitException("the operation type '" + type + "' is not in this kit's subset "
        + "(process-message, create, read, search, capabilities); give a url and method instead");
  }

  private static String mediaType(String code) {
    return switch (code) {
      case "json" -> FHIR_JSON;
      case "xml" -> "application/fhir+xml";
      default -> code;
    };
  }
}
