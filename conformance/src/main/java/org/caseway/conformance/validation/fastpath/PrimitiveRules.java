package org.caseway.conformance.validation.fastpath;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * The value checks of FHIR's primitive types: the JSON kind (string, number, boolean), the
 * regular expression FHIR core declares for the type (compiled once), and what the regular
 * expressions leave out (dates that do not exist, a leap second, whitespace around a value).
 * Stricter than the full validator wherever that was simpler: a value it might accept with a
 * warning is refused here, and the message falls back.
 */
final class PrimitiveRules {

  private static final String REGEX = "http://hl7.org/fhir/StructureDefinition/regex";
  private static final Set<String> INTEGERS = Set.of("integer", "positiveInt", "unsignedInt");
  private static final Set<String> TEXT_TYPES = Set.of("string", "code", "id", "markdown", "uri", "url",
      "canonical", "oid", "uuid", "date", "dateTime", "instant", "time", "base64Binary");
  private static final Set<String> URIS = Set.of("uri", "url", "canonical", "oid", "uuid");
  private static final Pattern UUID = Pattern.compile("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern OID = Pattern.compile("urn:oid:[0-2](\\.(0|[1-9][0-9]*))+");
  private static final Pattern ABSOLUTE_URI = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:[^\\s]+");
  private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
  private static final Pattern SECONDS_60 = Pattern.compile(".*T\\d\\d:\\d\\d:60.*");
  private static final int MAX_STRING = 1024 * 1024;

  private final Map<String, Pattern> patterns = new HashMap<>();

  PrimitiveRules(DefaultProfileValidationSupport core) {
    for (String type : TEXT_TYPES) {
      patterns.put(type, regex(core, type));
    }
    for (String type : INTEGERS) {
      patterns.put(type, regex(core, type));
    }
  }

  private static Pattern regex(DefaultProfileValidationSupport core, String type) {
    var sd = (StructureDefinition) core.fetchStructureDefinition(CompiledProfiles.CORE + type);
    for (ElementDefinition element : sd.getSnapshot().getElement()) {
      if (element.getPath().equals(type + ".value") && !element.getType().isEmpty()) {
        var regex = element.getType().get(0).getExtensionByUrl(REGEX);
        return regex == null ? null : Pattern.compile(regex.getValue().primitiveValue());
      }
    }
    return null;
  }

  /** Whether the type is one these rules know; any other primitive is not covered. */
  boolean covers(String type) {
    return patterns.containsKey(type) || type.equals("boolean") || type.equals("decimal");
  }

  /**
   * Whether the JSON value is a valid value of the primitive type.
   *
   * @param fixed whether the value is the one the profile fixes (a complex extension's relative
   *     {@code url}, say): then it needs to be of the type's form only, not an absolute URI
   */
  boolean isValid(String type, JsonNode value, boolean fixed) {
    if (type.equals("boolean")) {
      return value.isBoolean();
    }
    if (type.equals("decimal")) {
      return value.isNumber() && DECIMAL.matcher(value.decimalValue().toString()).matches();
    }
    if (INTEGERS.contains(type)) {
      return value.isIntegralNumber() && value.canConvertToInt() && inRange(type, value.intValue());
    }
    if (!value.isTextual()) {
      return false;
    }
    String text = value.textValue();
    if (text.isEmpty() || text.length() > MAX_STRING || !text.strip().equals(text) || hasControlCharacters(text)) {
      return false;
    }
    Pattern pattern = patterns.get(type);
    if (pattern != null && !pattern.matcher(text).matches()) {
      return false;
    }
    return switch (type) {
      case "date", "dateTime", "instant" -> isRealDate(text);
      case "uri", "url", "canonical", "oid", "uuid" -> fixed || isPlainUri(type, text);
      default -> true;
    };
  }

  private static boolean inRange(String type, int value) {
    return switch (type) {
      case "positiveInt" -> value > 0;
      case "unsignedInt" -> value >= 0;
      default -> true;
    };
  }

  private static boolean hasControlCharacters(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
        return true;
      }
    }
    return false;
  }

  /** A day that exists (no 30 February), no leap second. */
  private static boolean isRealDate(String text) {
    if (SECONDS_60.matcher(text).matches()) {
      return false;
    }
    if (text.length() < 10) {
      return true; // a year, or a year and month: the regular expression is all there is to check
    }
    try {
      LocalDate.parse(text.substring(0, 10));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** Absolute, and of the right form where the scheme says (urn:uuid, urn:oid). */
  private static boolean isPlainUri(String type, String text) {
    if (type.equals("uuid") || text.startsWith("urn:uuid:")) {
      return UUID.matcher(text).matches();
    }
    if (type.equals("oid") || text.startsWith("urn:oid:")) {
      return OID.matcher(text).matches();
    }
    return URIS.contains(type) && ABSOLUTE_URI.matcher(text).matches();
  }
}
