package org.caseway.northshire.simulators;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a request as XML the way a hardened service does: namespace-aware, no DTD at all (a
 * DOCTYPE is refused, so no entity, external or internal, is ever expanded), no XInclude, no
 * external access. Stateless and thread-safe (a parser is made per request).
 */
final class SoapXml {

  private static final ErrorHandler THROW_ON_ERROR = new ErrorHandler() {
    @Override
    public void warning(SAXParseException e) {
      // A warning does not make the request unreadable.
    }

    @Override
    public void error(SAXParseException e) throws SAXParseException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXParseException {
      throw e;
    }
  };

  private SoapXml() {}

  /**
   * @throws SoapFault a Client fault ({@value SoapFault#INVALID_REQUEST}) if the bytes are not
   *     well-formed XML or hold a DOCTYPE
   */
  static Document parse(byte[] content) throws SoapFault {
    try {
      return builder().parse(new ByteArrayInputStream(content));
    } catch (SAXParseException e) {
      if (String.valueOf(e.getMessage()).contains("DOCTYPE")) {
        throw SoapFault.client(SoapFault.INVALID_REQUEST,
            "The request holds a DOCTYPE; this service refuses DTDs and entities");
      }
      throw SoapFault.client(SoapFault.INVALID_REQUEST, "The request is not well-formed XML (line "
          + e.getLineNumber() + ", column " + e.getColumnNumber() + ")");
    } catch (SAXException | IOException e) {
      throw SoapFault.client(SoapFault.INVALID_REQUEST, "The request could not be read as XML");
    }
  }

  /** The child elements of {@code parent} with this namespace and local name, in document order. */
  static List<Element> children(Element parent, String namespace, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && namespace.equals(element.getNamespaceURI())
          && localName.equals(element.getLocalName())) {
        found.add(element);
      }
    }
    return found;
  }

  /** The child elements of {@code parent}, whatever their names. */
  static List<Element> childElements(Element parent) {
    List<Element> found = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element) {
        found.add(element);
      }
    }
    return found;
  }

  private static DocumentBuilder builder() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      // The default handler prints to stderr, message and all.
      builder.setErrorHandler(THROW_ON_ERROR);
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("This JDK's XML parser cannot be hardened", e);
    }
  }
}
