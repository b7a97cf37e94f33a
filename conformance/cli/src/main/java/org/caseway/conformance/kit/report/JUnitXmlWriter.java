package org.caseway.conformance.kit.report;

import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.caseway.conformance.kit.Exchange;
import org.caseway.conformance.kit.Level;
import org.caseway.conformance.kit.Outcome;
import org.caseway.conformance.kit.Step;
import org.caseway.conformance.kit.SuiteResult;
import org.caseway.conformance.kit.TestResult;

/**
 * A suite result as JUnit XML, in the shape Maven Surefire writes and CI systems read: one {@code
 * testsuite} (name {@code caseway.conformance.<suite>}) with {@code properties} ({@code
 * caseway.suite}, {@code caseway.target}, {@code caseway.partner}, {@code caseway.level.requested},
 * {@code caseway.level.reached}: {@code core}, {@code full} or {@code none}) and one {@code
 * testcase} per test (classname {@code caseway.conformance.<suite>.<script>}, name the test's).
 * A failed test has a {@code failure}, one that erred an {@code error}, a skipped one {@code
 * skipped}, each with the reason as {@code message} and every problem as text; {@code system-out}
 * holds the exchanges, bodies truncated. Characters XML cannot carry are replaced by U+FFFD.
 */
public final class JUnitXmlWriter {

  private static final int MAX_BODY = 4_000;

  private JUnitXmlWriter() {}

  /** The XML document. */
  public static String toXml(SuiteResult result) {
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      writeSuite(xml, result);
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Cannot write JUnit XML", e);
    }
    return text.toString();
  }

  private static void writeSuite(XMLStreamWriter xml, SuiteResult result) throws XMLStreamException {
    Map<Outcome, Integer> counts = result.counts();
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", "caseway.conformance." + result.suite());
    xml.writeAttribute("time", seconds(result.elapsed().toMillis()));
    xml.writeAttribute("tests", String.valueOf(result.tests().size()));
    xml.writeAttribute("errors", String.valueOf(counts.get(Outcome.ERROR)));
    xml.writeAttribute("skipped", String.valueOf(counts.get(Outcome.SKIP)));
    xml.writeAttribute("failures", String.valueOf(counts.get(Outcome.FAIL)));
    xml.writeAttribute("timestamp", result.started().toString());
    xml.writeCharacters("\n  ");
    xml.writeStartElement("properties");
    property(xml, "caseway.suite", result.suite());
    property(xml, "caseway.target", result.target());
    property(xml, "caseway.partner", result.partner().orElse(""));
    property(xml, "caseway.level.requested", result.requested().code());
    property(xml, "caseway.level.reached", result.levelReached().map(Level::code).orElse("none"));
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
    for (TestResult test : result.tests()) {
      writeCase(xml, result.suite(), test);
    }
    xml.writeCharacters("\n");
    xml.writeEndElement();
    xml.writeCharacters("\n");
  }

  private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", clean(value));
  }

  private static void writeCase(XMLStreamWriter xml, String suite, TestResult test) throws XMLStreamException {
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testcase");
    xml.writeAttribute("name", clean(test.name()));
    xml.writeAttribute("classname", "caseway.conformance." + suite + "." + test.script());
    xml.writeAttribute("time", seconds(test.elapsed().toMillis()));
    switch (test.outcome()) {
      case FAIL -> problem(xml, "failure", "caseway.AssertFailed", test);
      case ERROR -> problem(xml, "error", "caseway.TestError", test);
      case SKIP -> {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("skipped");
        xml.writeAttribute("message", clean(test.reason().orElse("skipped")));
      }
      default -> { }
    }
    String out = exchanges(test);
    if (!out.isEmpty()) {
      xml.writeCharacters("\n    ");
      xml.writeStartElement("system-out");
      xml.writeCharacters(clean(out));
      xml.writeEndElement();
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  private static void problem(XMLStreamWriter xml, String element, String type, TestResult test) throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeStartElement(element);
    xml.writeAttribute("message", clean(firstLine(test.reason().orElse(test.outcome().code()))));
    xml.writeAttribute("type", type);
    StringBuilder detail = new StringBuilder(test.level().code() + " test " + test.id() + "\n");
    if (!test.description().isEmpty()) {
      detail.append(test.description()).append('\n');
    }
    for (Step step : test.steps()) {
      detail.append(step.outcome().code().toUpperCase(Locale.ROOT)).append(' ').append(step.message()).append('\n');
    }
    xml.writeCharacters(clean(detail.toString()));
    xml.writeEndElement();
  }

  private static String exchanges(TestResult test) {
    StringBuilder out = new StringBuilder();
    for (Step step : test.steps()) {
      if (step.exchange().isEmpty()) {
        continue;
      }
      Exchange exchange = step.exchange().get();
      out.append(">>> ").append(step.label()).append('\n').append(exchange.method()).append(' ').append(exchange.url()).append('\n');
      exchange.requestHeaders().forEach((name, value) -> out.append(name).append(": ").append(value).append('\n'));
      out.append('\n').append(Truncation.cut(exchange.requestBody(), MAX_BODY)).append("\n<<< ")
          .append(exchange.transportError().map(error -> "no answer: " + error).orElse(exchange.status() + " in " + exchange.elapsed().toMillis() + " ms"))
          .append('\n').append(Truncation.cut(exchange.responseBody(), MAX_BODY)).append("\n\n");
    }
    return out.toString();
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  /** Replaces what XML 1.0 cannot carry (most control characters, lone surrogates). */
  static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean surrogatePair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
      if (surrogatePair) {
        out.append(c).append(text.charAt(++i));
      } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)) {
        out.append(c);
      } else {
        out.append('\uFFFD');
      }
    }
    return out.toString();
  }
}
