package org.caseway.mappings.json;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.Fn1;
import com.dashjoin.jsonata.Jsonata.Fn3;
import com.dashjoin.jsonata.Jsonata.Frame;
import java.util.Map;
import org.caseway.mappings.MappingErrorCode;
import org.caseway.mappings.MappingException;
import org.caseway.mappings.NameBasedIds;
import org.caseway.mappings.csv.Normalisers;
import org.caseway.mappings.csv.LocalTimes;

/**
 * A compiled JSONata expression with Caseway's functions:
 * <ul>
 *   <li>{@code $uuid(name)}: the name-based UUID of {@code name} ({@link NameBasedIds});</li>
 *   <li>{@code $postcode(text)}: a UK postcode in upper case with one space ({@code NN7 4QT});</li>
 *   <li>{@code $localInstant(text, pattern, zone)}: a local date-time as an instant with the
 *       zone's offset ({@code 2026-11-03T09:15:00+00:00}), undefined when it does not parse.</li>
 * </ul>
 * A record the expression refuses with {@code $error("why")} fails with that reason.
 *
 * <p>Each evaluation parses the expression afresh (about half a millisecond for the police
 * template): dashjoin jsonata 0.9.9 chains the frames of functions defined in an expression
 * across evaluations of one compiled instance, so a reused instance slows down with every record
 * and ends in a StackOverflowError after a few thousand. A fresh instance per record is also
 * trivially thread-safe. The expression is compiled once at load time to fail early.
 */
public final class JsonataTemplate {

  /** A generous bound on one evaluation; a mapping that loops forever fails instead of hanging. */
  private static final long TIMEOUT_MILLIS = 10_000;
  private static final int MAX_DEPTH = 500;

  private final String name;
  private final String text;

  private JsonataTemplate(String name, String text) {
    this.name = name;
    this.text = text;
  }

  /**
   * Compiles {@code text}.
   *
   * @throws MappingException {@link MappingErrorCode#MAPPING_INVALID} naming the position
   */
  public static JsonataTemplate compile(String name, String text) {
    try {
      Jsonata.jsonata(text);
      return new JsonataTemplate(name, text);
    } catch (JException e) {
      throw new MappingException(MappingErrorCode.MAPPING_INVALID, "The JSONata expression " + name
          + " does not compile at character " + e.getLocation() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Evaluates the expression on {@code input} with {@code variables} bound as {@code $name}.
   *
   * @return the result (maps, lists, strings, numbers), or null when it is undefined
   * @throws RecordRefused when the expression calls {@code $error} or fails on this record
   */
  public Object evaluate(Object input, Map<String, Object> variables) {
    Jsonata expression = Jsonata.jsonata(text);
    Frame frame = expression.createFrame();
    frame.setRuntimeBounds(TIMEOUT_MILLIS, MAX_DEPTH);
    variables.forEach(frame::bind);
    frame.bind("uuid", (Fn1<String, String>) NameBasedIds::of);
    frame.bind("postcode", (Fn1<String, String>) Normalisers::postcode);
    frame.bind("localInstant", Jsonata.function("localInstant",
        (Fn3<String, String, String, String>) LocalTimes::instantOrNull, null));
    try {
      return expression.evaluate(input, frame);
    } catch (JException e) {
      throw new RecordRefused(e.getError() != null && e.getError().equals("D3137")
          ? e.getMessage() : "the mapping " + name + " failed on this record: " + e.getMessage());
    } catch (IllegalArgumentException refusedValue) {
      // Caseway's functions refuse a value this way ($postcode('NN7')), and JSONata passes it up
      // unwrapped: it is this record's fault, not the mapping's, and must not stop the input.
      throw new RecordRefused("the mapping " + name + " failed on this record: a value "
          + refusedValue.getMessage());
    }
  }

  /** A record the expression refused or could not map; the reason is for the partner. */
  public static final class RecordRefused extends RuntimeException {
    public RecordRefused(String reason) {
      super(reason);
    }
  }
}
