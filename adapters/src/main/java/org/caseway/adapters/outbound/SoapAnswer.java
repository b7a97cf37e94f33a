package org.caseway.adapters.outbound;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * What a SOAP 1.1 service answered: a response element's status, or a fault's code, string and
 * detail code. Parsed with DTDs and external entities refused (a partner's answer cannot make the
 * gateway fetch or expand anything).
 *
 * @param status the text of the response's {@code Status} element, if any
 * @param faultCode the fault's {@code faultcode} local part ({@code Client}, {@code Server}), if a fault
 * @param faultString the fault's {@code faultstring}
 * @param detailCode the text of the first element inside the fault's {@code detail}, if any
 */
public record SoapAnswer(Optional<String> status, Optional<String> faultCode, String faultString,
    Optional<String> detailCode) {

  private static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";

  public boolean isFault() {
    return faultCode.isPresent();
  }

  /** Reads an answer; empty when the body is not a SOAP envelope at all. */
  public static Optional<SoapAnswer> read(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try {
      Document document = parser().parse(new InputSource(new StringReader(body)));
      Element root = document.getDocumentElement();
      if (!SOAP_ENV.equals(root.getNamespaceURI()) || !"Envelope".equals(root.getLocalName())) {
        return Optional.empty();
      }
      NodeList faults = document.getElementsByTagNameNS(SOAP_ENV, "Fault");
      if (faults.getLength() > 0) {
        return Optional.of(fault((Element) faults.item(0)));
      }
      return Optional.of(new SoapAnswer(firstText(root, "Status"), Optional.empty(), "", Optional.empty()));
    } catch (SAXException | IOException e) {
      return Optional.empty();
    }
  }

  private static SoapAnswer fault(Element fault) {
    String code = firstText(fault, "faultcode").orElse("");
    String localCode = code.contains(":") ? code.substring(code.indexOf(':') + 1) : code;
    Optional<String> detail = Optional.empty();
    NodeList details = fault.getElementsByTagName("detail");
    if (details.getLength() > 0) {
      NodeList children = details.item(0).getChildNodes();
      for (int i = 0; i < children.getLength() && detail.isEmpty(); i++) {
        if (children.item(i) instanceof Element element) {
          detail = Optional.of(element.getTextContent().strip());
        }
      }
    }
    return new SoapAnswer(Optional.empty(), Optional.of(localCode), firstText(fault, "faultstring").orElse(""), detail);
  }

  private static Optional<String> firstText(Element scope, String localName) {
    NodeList found = scope.getElementsByTagNameNS("*", localName);
    if (found.getLength() == 0) {
      found = scope.getElementsByTagName(localName);
    }
    return found.getLength() == 0 ? Optional.empty() : Optional.of(found.item(0).getTextContent().strip());
  }

  private static DocumentBuilder parser() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("The JDK's XML parser lacks a hardening feature", e);
    }
  }
}
