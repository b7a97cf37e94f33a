package org.caseway.mappings.engine;

import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltCompiler;
import net.sf.saxon.s9api.XsltExecutable;
import org.caseway.mappings.InputLimits;
import org.caseway.mappings.Mapper;
import org.caseway.mappings.MappingDefinition;
import org.caseway.mappings.MappingEngine;
import org.caseway.mappings.MappingErrorCode;
import org.caseway.mappings.MappingException;
import org.caseway.mappings.MappingFiles;
import org.caseway.mappings.MappingInput;
import org.caseway.mappings.MappingOutput;
import org.caseway.mappings.MappingResult;
import org.caseway.mappings.RecordError;
import org.caseway.mappings.json.Json;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * {@code engine: xslt}: JSON in (a canonical bundle, typically), XML out, through the XSLT 3
 * stylesheet named by {@code stylesheet} (Saxon-HE). The stylesheet starts at its named template
 * {@code xsl:initial-template}, reads the input with {@code parse-json($input)} and writes each
 * output with {@code <xsl:result-document href="KEY">}; parameters arrive as string
 * {@code xsl:param}s. It may call {@code cw:uuid(name)} (namespace {@code urn:caseway:mappings}).
 * The XML library escapes all text. {@code xsl:message terminate="yes"} refuses the input as a
 * {@link RecordError}.
 *
 * <p>Security: the stylesheet is parsed with DTDs and external entities refused, and it may not
 * read any other document or file ({@code doc()}, {@code unparsed-text()} fail).
 */
public final class XsltEngine implements MappingEngine {

  private final InputLimits limits;

  public XsltEngine(InputLimits limits) {
    this.limits = limits;
  }

  @Override
  public String name() {
    return "xslt";
  }

  @Override
  public Mapper compile(MappingDefinition definition, MappingFiles files) {
    String name = definition.file("stylesheet");
    Processor processor = SaxonProcessors.hardened();
    XsltCompiler compiler = processor.newXsltCompiler();
    compiler.setURIResolver((href, base) -> {
      throw new javax.xml.transform.TransformerException("a mapping stylesheet may not import " + href);
    });
    try {
      XsltExecutable executable = compiler.compile(secureSource(files.read(name)));
      return new XsltMapper(definition, executable, new Json(limits), limits);
    } catch (SaxonApiException e) {
      throw new MappingException(MappingErrorCode.MAPPING_INVALID, "The stylesheet " + name + " in "
          + files.location() + " does not compile: " + e.getMessage(), e);
    }
  }

  /** A SAX source that refuses DTDs and external entities. */
  static SAXSource secureSource(String xml) {
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      XMLReader reader = factory.newSAXParser().getXMLReader();
      return new SAXSource(reader, new InputSource(new StringReader(xml)));
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("The JDK's SAX parser supports refusing DTDs", e);
    }
  }

  /** Outputs are caught in memory; this base only gives their relative names something to resolve against. */
  private static final String OUTPUT_BASE = "file:///caseway-mapping-output/";

  private record XsltMapper(MappingDefinition definition, XsltExecutable executable, Json json,
      InputLimits limits) implements Mapper {

    @Override
    public MappingResult map(MappingInput input) {
      limits.checkSize(input);
      String text = Encodings.decode(definition, input);
      json.parse(input.name(), text);
      List<MappingOutput> outputs = new ArrayList<>();
      List<StringWriter> written = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      Xslt30Transformer transformer = executable.load30();
      transformer.setURIResolver((href, base) -> {
        throw new javax.xml.transform.TransformerException("a mapping may not read " + href);
      });
      List<String> messages = new ArrayList<>();
      transformer.setMessageHandler(message -> messages.add(message.getStringValue()));
      transformer.setErrorReporter(error -> { });
      try {
        transformer.setStylesheetParameters(parameters(input, text.startsWith("\uFEFF") ? text.substring(1) : text));
        transformer.setBaseOutputURI(OUTPUT_BASE);
        transformer.setResultDocumentHandler(uri -> destination(transformer, uri, keys, written));
        transformer.callTemplate(null, transformer.newSerializer(new StringWriter()));
      } catch (SaxonApiException e) {
        String reason = messages.isEmpty() ? "the stylesheet failed on this input: " + e.getMessage()
            : messages.get(messages.size() - 1);
        return new MappingResult(List.of(), List.of(new RecordError(input.name(), 0, "$", "", reason)));
      }
      for (int i = 0; i < keys.size(); i++) {
        outputs.add(new MappingOutput(written.get(i).toString(), definition.mediaType(), keys.get(i), List.of()));
      }
      return new MappingResult(outputs, List.of());
    }

    private Map<QName, XdmValue> parameters(MappingInput input, String text) {
      Map<QName, XdmValue> parameters = new java.util.LinkedHashMap<>();
      Variables.parameters(definition, input)
          .forEach((key, value) -> parameters.put(new QName(key), new XdmAtomicValue(value)));
      parameters.put(new QName("input"), new XdmAtomicValue(text));
      parameters.put(new QName("source"), new XdmAtomicValue(input.name()));
      return parameters;
    }

    private static Serializer destination(Xslt30Transformer transformer, URI uri, List<String> keys,
        List<StringWriter> written) {
      StringWriter writer = new StringWriter();
      String path = uri.getPath() == null ? uri.toString() : uri.getPath();
      String name = path.substring(path.lastIndexOf('/') + 1);
      keys.add(name.endsWith(".xml") ? name.substring(0, name.length() - 4) : name);
      written.add(writer);
      return transformer.newSerializer(writer);
    }
  }

}
