package org.caseway.gateway.accept;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.regex.Pattern;
import org.caseway.gateway.error.ErrorCode;
import org.caseway.gateway.error.GatewayException;

/**
 * Step 0 of the accept route: one streaming pass over the partner's JSON that refuses, before any
 * FHIR parsing, what is too deep, has too long a string, or holds too many bundle entries.
 *
 * <p>Malformed JSON is left for the FHIR parser to report (it says where); this pass only enforces
 * limits. Thread-safe. Linear in the size of the input, with constant memory.
 */
public class JsonShapeCheck {

  private static final Pattern ELEMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final int NAME_SHOWN = 40;

  private final JsonFactory json;
  private final AcceptProperties limits;

  public JsonShapeCheck(AcceptProperties limits) {
    this.limits = limits;
    this.json =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxDepth())
                    .maxStringLength(limits.maxStringLength())
                    .maxNameLength(limits.maxStringLength())
                    .build())
            .build();
  }

  /**
   * @throws GatewayException {@link ErrorCode#MESSAGE_TOO_COMPLEX} when a limit is broken
   */
  public void check(String body) {
    try (JsonParser parser = json.createParser(body)) {
      countEntries(parser);
    } catch (StreamConstraintsException e) {
      throw tooComplex(describe(e));
    } catch (IOException malformed) {
      // The FHIR parser reports malformed JSON with its location; nothing to add here.
    }
  }

  private void countEntries(JsonParser parser) throws IOException {
    int depth = 0;
    boolean inEntries = false;
    int entries = 0;
    for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
      switch (token) {
        case START_OBJECT, START_ARRAY -> {
          depth++;
          if (token == JsonToken.START_ARRAY && depth == 2 && "entry".equals(parser.currentName())) {
            inEntries = true;
          } else if (inEntries && depth == 3 && token == JsonToken.START_OBJECT && ++entries > limits.maxEntries()) {
            throw tooComplex(
                "The bundle has more than " + limits.maxEntries() + " entries (caseway.accept.max-entries):"
                    + " split it into several messages.");
          }
        }
        case END_OBJECT, END_ARRAY -> {
          if (inEntries && depth == 2) {
            inEntries = false;
          }
          depth--;
        }
        case FIELD_NAME -> checkName(parser);
        // Jackson checks a string's length when its text is read, not when it is skipped.
        case VALUE_STRING -> parser.getText();
        default -> { }
      }
    }
  }

  private static void checkName(JsonParser parser) throws IOException {
    String name = parser.currentName();
    if (!ELEMENT_NAME.matcher(name).matches()) {
      String shown = name.length() > NAME_SHOWN ? name.substring(0, NAME_SHOWN) + "..." : name;
      throw new GatewayException(ErrorCode.MESSAGE_UNREADABLE,
          "The JSON property name '" + shown + "' at line " + parser.currentLocation().getLineNr()
              + ", column " + parser.currentLocation().getColumnNr() + " is not a FHIR element name"
              + " (letters, digits and _ only, e.g. \"birthDate\"): check for stray spaces or quotes.");
    }
  }

  private String describe(StreamConstraintsException e) {
    String message = e.getOriginalMessage();
    if (message.contains("nesting depth")) {
      return "The JSON nests deeper than " + limits.maxDepth() + " levels (caseway.accept.max-depth):"
          + " a Caseway message nests about 9 deep; check the sender's serialiser.";
    }
    return "A JSON string or name is longer than " + limits.maxStringLength()
        + " characters (caseway.accept.max-string-length): shorten the text or send it in parts.";
  }

  private static GatewayException tooComplex(String message) {
    return new GatewayException(ErrorCode.MESSAGE_TOO_COMPLEX, message);
  }
}
